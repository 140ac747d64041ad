# 工作区：它自己拼写的通知、进度文字、错误和导出结果。

workspace-summary-failed = 汇总：{ $error }
workspace-table-view-failed = 表格视图：{ $error }
workspace-computing-summary = 计算汇总
workspace-computing-daily-revenue = 计算每日营收
workspace-reading-file = 读取 { $file }
workspace-loading-file = 加载 { $file }
workspace-sorting-by = 按 { $column } 排序
workspace-filtering-for = 筛选“{ $text }”
workspace-writing-file = 写入 { $path }
workspace-wrote-customers = 已将 { $count } 位客户写入 { $path }
workspace-files-and-more = { $names } 及另外 { $more } 个文件

# 用户行为
workspace-segment-dropped = 客户分群已重新计算，“用户行为”标签页的分群筛选与新分群不再对应，已被移除。如需按分群筛选，请重新选择一个分群。
workspace-reading-order-lines = 读取订单明细
workspace-behaviour-needs-orders = 尚未加载订单文件：请打开一个订单文件以查看用户行为
workspace-scoring-rfm = 为客户打分（RFM）
workspace-building-cohorts = 构建月度同期群
workspace-counting-funnel = 统计转化漏斗
workspace-measuring-repeat = 计算复购

# 营销活动
workspace-audience-shown = 当前显示的目标人群
workspace-readout-needs-orders = { $path }：不是订单文件；效果复盘需要之后的订单
workspace-building-customer-table = 构建客户表
workspace-evaluating-conditions = 评估条件

# 销售预测
workspace-no-forecast-to-export = 还没有基于已加载文件的预测可导出
workspace-wrote-forecast-rows = 已将 { $count } 行写入 { $path }
workspace-building-series = 构建时间序列
workspace-series-file-gone = { $path } 已不再作为序列文件加载：请选择其他数据来源
workspace-reading-series = 读取 { $path } 中的序列
workspace-no-dated-rows = 订单明细中没有带日期的行可供预测
workspace-backtesting = 回测模型
workspace-forecast-needs-orders = 尚未加载订单文件：请打开一个订单文件以进行预测
workspace-forecast-no-purchase = 订单明细中没有购买：每一行带日期的明细都是退货或已取消的订单，因此没有可预测的销售。请在“数据”标签页检查哪一列标记退货和取消。
workspace-forecast-needs-segments = 还没有客户分群：请先运行“客户分群”，再按分群预测
workspace-adding-segments = 添加客户分群

# 项目
workspace-project-unreadable = { $file }：无法读取该文件（{ $error }）
workspace-project-not-a-project = { $file }：不是 Marketbench 项目文件（{ $error }）
workspace-project-newer = { $file }：由更新版本的 Marketbench 写入（项目版本 { $found }，当前版本最高只能读取 { $supported }）；请更新 Marketbench
workspace-file-unchanged = { $file }：未更改
workspace-file-missing = { $file }：缺失
workspace-file-changed = { $file }：自项目保存以来已更改（当时 { $then } 字节，现在 { $now } 字节）：名单可能不同
workspace-hashing-files = 计算数据文件的哈希值
workspace-checking-files = 检查数据文件
workspace-project-save-failed = 项目无法保存：{ $error }
workspace-project-open-failed = 项目无法打开：{ $error }

# 设置（先写字段和值：“top = 0：必须至少为 1”）
workspace-setting-invalid = { $field } = { $value }：{ $why }
workspace-saved-labels = 项目保存的消息标注（"{ $key }" 设置）
workspace-setting-at-least-one = 必须至少为 1
workspace-setting-blend-all-zero = 混合权重中至少一个必须大于 0
workspace-setting-between-0-1 = 必须在 0 到 1 之间
workspace-setting-above-0 = 必须大于 0
workspace-setting-0-or-more = 必须大于或等于 0
workspace-k-too-small = 不构成分群：请至少选择 2 个分群
workspace-k-auto-range = 自动 K 需要满足 2 <= 最小 K <= 最大 K
workspace-k-too-large = 分群数超过营销活动可用的数量：最多选择 { $max } 个
workspace-k-not-a-number = 必须是分群数量或 "auto"
workspace-models-empty = 请至少指定一个模型
workspace-thresholds-order = 需要满足 0 <= 中风险阈值 <= 高风险阈值 <= 1
workspace-date-format = 必须是 YYYY-MM-DD 格式的日期
workspace-no-such-model = 不是已知的模型

# 商品推荐
workspace-fitting-model = 训练 { $model }
workspace-reading-purchases = 读取购买记录
workspace-finding-bought-together = 查找经常一起购买的商品
workspace-finding-next-purchases = 查找客户接下来会买什么
workspace-listing-top-items = 列出每位客户的推荐商品
workspace-wrote-rules = 已将 { $count } 条规则写入 { $path }
workspace-wrote-recommendations = 已将 { $customers } 位客户的 { $count } 条推荐写入 { $path }
workspace-ratings-empty = 评分文件中没有同时包含客户、商品和分数的评分
workspace-recommend-needs-data = 尚未加载订单或评分文件：请打开一个以获取推荐
workspace-orders-no-purchase = 订单中没有同时包含客户、商品、订单号和时间的购买记录

# 客户分群
workspace-segments-need-orders = 尚未加载订单文件：请打开一个订单文件以进行客户分群
workspace-drawing-pca = 绘制分群分布图（PCA）
workspace-finding-segment-rules = 查找描述各分群的规则

# 客户价值
workspace-value-needs-orders = 尚未加载订单文件：请打开一个订单文件以训练模型
workspace-fitting-clv = 拟合客户价值（MBG/NBD、Gamma-Gamma）

# 活动评分任务的进度（进度条）。
campaigns-progress-segmenting = 正在为客户分群
campaigns-progress-scoring = 正在计算购买倾向、流失风险与价值
campaigns-progress-value = 正在拟合客户价值
campaigns-progress-recommending = 正在推荐商品

# 不加载而汇总的订单（文件太大无法加载）
workspace-summed = { $file } 未加载而直接汇总：RFM、客户分群、全店预测以及热门和 item-kNN 推荐按其汇总结果计算；需要明细的分析会注明。
workspace-summing-file = 正在汇总 { $file }（不加载）
workspace-summed-no-purchase = { $file }：没有一行是带日期的购买，无可汇总
workspace-cannot-sum = { $file } 无法不加载而汇总：只有 UTF-8 CSV 或 Parquet 文件中、日期格式可识别的订单可以。请从店铺系统另存为 UTF-8 CSV，或导出更短的时间段。
workspace-sum-only-orders = { $file } 未按订单读取：只有订单文件可以不加载而汇总。
workspace-sum-fits = { $file } 现在可以放入可用内存：请直接加载。
workspace-filter-what = 按日期、品类或客户筛选
workspace-cohorts-what = 同期群留存
workspace-repeat-what = 复购指标
workspace-forecast-breakdown-what = 按品类、商品或分群的预测
workspace-summed-in-database = { $source } 在数据库中汇总：RFM、客户分群、全店预测以及热门和 item-kNN 推荐按数据库返回的汇总结果计算；需要明细的分析会注明。
