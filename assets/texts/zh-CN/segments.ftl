# “客户分群”标签页（ui::segments_panel、ui::segments）以及 analysis::segments
# 中显示的文字：特征名、建议的分群名称、规则、K 的选择。

segments-heading = 客户分群
segments-needs-orders = 请先加载订单文件，才能对客户分群。
segments-stopped = 分群已中止
segments-cancelled = 已取消。点击“自动”或调整 K 即可对客户分群。
segments-run-summary = { $customers } 位客户分为 { $k } 个分群（K = { $k }），轮廓系数 { $silhouette }，所用特征：{ $features }；最近购买天数计算至 { $date }。
segments-silhouette-sampled = { $silhouette }（抽样计算）
segments-choosing-k = 选择 K
segments-choosing-k-explanation = 惯性（群内离散程度）总是随 K 增大而下降：请找曲线的拐点。轮廓系数（-1 到 1）越高，说明各分群区分越明显。
segments-table-explanation = 点击名称即可在下方查看该分群，并为其重命名。
segments-size-section = 规模与销售额
segments-size-explanation = 每个分群有多少客户，贡献了多少销售额。
segments-rules-section = 如何识别每个分群
segments-rules-explanation = 一棵浅层决策树，根据所用特征预测客户所属的分群。
segments-rules-error = 规则
segments-picture-section = 分群分布图
segments-picture-explanation = 每个点代表一位客户，按客户之间差异最大的两个方向排布。
segments-picture-error = 分布图
segments-scores-section = 各分群评分
segments-scores-explanation = 来自“客户价值”标签页：窗口期内的平均购买倾向、分群中处于高流失风险档的客户占比、预测客户价值的均值与合计。
segments-profile-section = 画像与成员：{ $name }
segments-profile-explanation = 可在上方表格中选择其他分群。

# 运行设置（controls_view）。
segments-features-in-use = 使用的特征：
segments-features-in-use-hover = K 均值聚类基于这些特征，先做 log1p 变换再标准化。
segments-feature-needs-price-hover = 需要订单文件中有单价和商品 ID
segments-k-label = K（分群数）：
segments-auto = 自动
segments-cancel = 取消
segments-cancel-hover = 停止分群（在两个 K 值之间停止）
segments-k-chosen-by-you = K = { $k }，由你设定。点击“自动”让数据来选：{ $rule }
segments-auto-k-rule = 自动 K：在 3 到 8 个分群中，选出轮廓系数与其中最佳值相差不超过 0.02 的最小 K：各组区分明显，分群数也不超过数据所能支撑的数量。

# 肘部图与轮廓系数图（curve_view）。
segments-curve-empty = 点击“自动”，对 2 到 10 的每个 K 进行拟合，并绘制肘部图和轮廓系数图。
segments-elbow-title = 肘部图：各 K 的惯性
segments-silhouette-title = 各 K 的轮廓系数

# 分群表与重命名（summary_view），规模图（size_view）。
segments-column-segment = 分群
segments-column-customers = 客户数
segments-column-customer-share = 客户占比
segments-column-revenue-share = 销售额占比
segments-column-sets-apart = 突出特征（与其余客户相差的标准差）
segments-column-top-categories = 主要品类
segments-no-prices = 无价格
segments-revenue = 销售额
segments-rename = 重命名分群 { $id }：
segments-save-name = 保存名称
segments-customers-per-segment = 各分群客户数
segments-revenue-share-per-segment = 各分群销售额占比
segments-revenue-per-segment = 各分群销售额

# 决策树规则（tree_view、analysis::segments::tree）。
segments-rules-accuracy = 这些规则把 { $share } 的客户归入了其所属的分群。
segments-rules-accuracy-sampled = 这些规则把 { $share } 的客户归入了其所属的分群（决策树基于 20,000 位客户的样本拟合）。
segments-column-rule = 规则
segments-column-right = 正确率
segments-rule-everyone = 所有客户
segments-rule-and = 且

# 分群分布图（scatter_view）。
segments-picture-summary = 图中绘制了 { $customers } 位客户；两条坐标轴分别解释了 { $first } 和 { $second } 的方差。
segments-component = 主成分 { $number }
segments-picture-hover =
    客户 { $customer }
    { $segment }

# 各分群评分（scores_view）。
segments-scores-need-value = 在“客户价值”标签页训练模型后，即可在这里查看每个分群的购买倾向、流失风险和客户价值。
segments-column-scored = 已评分客户
segments-column-mean-propensity = 平均购买倾向
segments-column-high-churn-risk = 高流失风险占比
segments-column-mean-clv = 平均 CLV
segments-column-total-clv = CLV 合计
segments-scored-of = { $scored } / { $size }

# 画像与成员（profile_view、members_view）。
segments-profile-title = { $name }：各特征均值相对全体客户的指数（全体 = 100）
segments-search = 搜索客户：
segments-search-hint = 客户 ID 的一部分
segments-high-risk-only = 仅看高流失风险
segments-high-risk-only-hover = “客户价值”标签页中处于高流失风险档的成员
segments-export-hover = 按表格所示导出该分群的成员；CSV 文件用 Excel 打开时中文不会乱码
segments-members-count = { $count } 位客户
segments-column-customer-id = 客户 ID
segments-column-propensity = 购买倾向
segments-column-churn-risk = 流失风险
segments-column-p-alive = 存活概率
segments-column-clv = CLV
segments-column-next-order = 下次下单

# 窗口中显示的特征名（analysis::segments::Feature::label）。
segments-feature-recency = 距上次购买天数
segments-feature-orders = 订单数
segments-feature-revenue = 销售额
segments-feature-avg-order-value = 客单价
segments-feature-tenure = 首购至今天数
segments-feature-days-between = 平均购买间隔天数
segments-feature-units = 购买件数
segments-feature-discount-share = 折扣购买占比
segments-feature-avg-unit-price = 平均成交单价

# 建议的分群名称（analysis::segments::propose_name）。
segments-name-bargain-hunters = 促销敏感客户
segments-name-lapsed-one-timers = 已流失的单次客户
segments-name-lapsed-regulars = 已流失的老客户
segments-name-new-customers = 新客户
segments-name-high-value-regulars = 高价值老客户
segments-name-frequent-buyers = 高频复购客户
segments-name-recent-one-timers = 近期单次客户
segments-name-active-regulars = 活跃老客户
segments-name-occasional-buyers = 偶尔购买客户
segments-name-big-spenders = 高消费客户
segments-name-steady-middle = 稳定中间客户

# 为什么选这个 K（analysis::segments::choose_k）以及计算进度。
segments-k-as-set = K = { $k }（手动设定）。
segments-k-too-alike = 客户之间不同的数据太少，分不出 { $min } 到 { $max } 个分群：最多只能分 { $most } 个。
segments-k-best = K = { $k }：K = { $from } 到 { $to } 中轮廓系数最佳（{ $silhouette }）。
segments-k-fewest = K = { $k }：轮廓系数（{ $silhouette }）与 K = { $from } 到 { $to } 中的最佳值（K = { $best_k } 时为 { $best }）相差不超过 { $tolerance } 的最少分群数。
segments-progress-features = 正在计算客户特征
segments-progress-profiles = 正在生成分群画像
segments-progress-k-means = 正在进行 K 均值聚类（K = { $k }）
