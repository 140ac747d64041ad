
# 分析错误（analysis::lines::AnalysisError）。
analysis-missing-column = 订单明细中没有{ $role }列：请在加载时把一列映射为{ $role }
analysis-needs-money = { $what }需要单价或金额列，而这些订单两者都没有：请在“数据”标签页用“更改读取方式”把一列映射为单价或行金额
analysis-what-revenue-forecast = 销售额预测
analysis-segment-column = 客户分群
analysis-group-column = 分组
analysis-cancelled = 已取消
# AnalysisError::Invalid 的“{what}: {why}”：被拒绝的内容，然后是原因。
analysis-invalid = { $what }：{ $why }
analysis-orders = 订单
analysis-no-dated-purchase = 没有带日期的购买记录可用来衡量客户
analysis-gap-bins = 间隔分档
analysis-gap-bins-why = 请给出从 1 或更小开始、逐个递增的天数边界，例如 1, 8, 15, 31
analysis-funnel-steps = 漏斗步骤
analysis-funnel-two-steps = 漏斗至少需要两个步骤
analysis-funnel-no-events = 步骤“{ $step }”没有事件名称：请至少映射一个
analysis-funnel-event-twice = 事件“{ $event }”同时映射到了“{ $first }”和“{ $second }”
analysis-feature = 特征“{ $feature }”
analysis-feature-unknown = 未知；请从以下选择：{ $choices }
analysis-feature-list = 特征列表
analysis-feature-list-empty = 为空；请至少给出一个特征
analysis-feature-matrix = 特征矩阵
analysis-memory-segments = 为 { $lines } 行订单明细的客户分群
analysis-memory-purchases = 读取 { $lines } 行订单明细中的购买记录
analysis-segmentation-settings = 分群设置
analysis-k-range = K 至少为 2，且范围须从小到大（现为 { $min }..={ $max }）
analysis-k-too-many = K = { $max } 个分群超出一次营销活动能用的数量：最多选 { $most } 个
analysis-k-few-customers = K = { $max } 至少需要 { $max } 位客户，现有 { $rows } 位
analysis-search-positive = 重启次数、迭代次数和样本量必须为正数（拟合样本至少为 K）
analysis-kmeans = K = { $k } 的 K 均值聚类
analysis-segmentation = 分群
analysis-k-distinct = K = { $k } 需要 { $k } 位数据各不相同的客户；这 { $rows } 位客户中只有 { $distinct } 种不同的数据，因此会有分群是空的。请选择 K = { $distinct } 或更小。
analysis-auto-k-no-spread = 自动 K 在 { $rows } 位客户中找不到两位数据不同的客户：没有可以分群的差异。
analysis-segment-picture = 分群图
analysis-segment-picture-few = 至少需要两位客户和一个特征
analysis-segment-picture-components = 分群图的主成分
analysis-segment-picture-flat = 各客户的特征没有差异
analysis-segment-tree = 分群决策树
analysis-segment-tree-labels = 每位客户需要一个分群（{ $customers } 位客户有 { $labels } 个分群）
analysis-model = 模型“{ $name }”
analysis-model-choices = 请使用 logreg、tree 或 forest
analysis-segment-names = { $ids } 个客户编号对应 { $names } 个分群名称
analysis-segment-names-why = 请为每位客户给出一个分群名称
analysis-order-lines = 订单明细
analysis-series-table = 序列表
analysis-too-many-periods = 日期从 { $first } 到 { $last }：共 { $span } { $freq ->
    [day] 天
    [week] 周
   *[month] 个月
}，超过预测能跟踪的 { $most } 个周期。相隔这么远的日期通常是占位日期（如 9999-12-31），是因为勾选了“保留异常日期”而保留下来的：请不勾选它重新读取文件（“数据”标签页的“更改读取方式”；命令行中去掉 --keep-far-dates）{ $coarser }。
analysis-coarser-day = ，或改为按周或按月预测
analysis-coarser-week = ，或改为按月预测
analysis-series-no-column = 序列表中没有“{ $column }”列
analysis-series-no-column-why = 请指明日期列和数值列
analysis-column = “{ $column }”列
analysis-column-not-dates = 存放的是 { $kind }，不是日期：请先把它解析为日期
analysis-series-no-dates = 没有带日期的行
analysis-horizon-zero = 预测期数 0
analysis-horizon-zero-why = 请至少预测一个周期
analysis-folds = 回测折数
analysis-folds-why = 请使用 1 到 20 个回测折
analysis-season-zero = 季节周期 0
analysis-season-zero-why = 无季节性请用 1，否则请填季节周期的长度
analysis-series-periods = { $n } 个周期的序列
analysis-series-too-short = 太短，无法回测 { $horizon } 个周期的预测：至少需要 { $needed } 个周期；请缩短预测期数或改用更细的频率
analysis-holdout = 留出 { $holdout } 期
analysis-holdout-why = 序列“{ $series }”只有 { $n } 个周期
analysis-season = 季节周期 { $season }
analysis-season-too-long = 序列“{ $series }”只有 { $history } 个周期可供学习：季节周期必须短于历史（否则无法计算误差）。请使用不超过 { $most } 个周期的季节周期，或不填以使用默认的 { $default }
analysis-series = 序列“{ $series }”
analysis-no-model = 没有模型能预测它（{ $reasons }）
analysis-next-purchase-settings = 下次购买设置
analysis-window-positive = 时间窗必须大于 0 天
analysis-als-settings = ALS 设置
analysis-als-factors = 因子数必须在 1 到 1024 之间
analysis-als-regularization = 正则化必须为 0 或更大
analysis-als-alpha = alpha 必须为 0 或更大
analysis-als-iterations = 迭代次数和 CG 步数至少为 1
analysis-report-card = 评估报告
analysis-report-card-k = K 至少为 1
analysis-blend-settings = 混合设置
analysis-blend-weights = 每个权重必须在 0 到 1 之间，且至少一个大于 0
analysis-repeat-settings = 复购设置
analysis-repeat-invalid = 衰减必须在 0 到 1 之间，每组篮数和相似客户数至少为 1，相似客户权重不小于 0
analysis-sasrec-settings = SASRec 设置
analysis-sasrec-settings-why = 维度、轮数、时间预算和步长必须大于 0，维度必须是注意力头数的倍数，丢弃率必须小于 1
analysis-sasrec-training = 训练 SASRec
analysis-rule-settings = 规则设置
analysis-rule-shares = 最小支持度和最小置信度是 0 到 1 之间的比例
analysis-rule-lift = 最小提升度必须为 0 或更大
analysis-rule-length = 项集长度上限必须在 2 到 5 之间
