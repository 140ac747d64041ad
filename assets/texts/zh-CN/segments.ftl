# “客户分群”标签页（ui::segments_panel、ui::segments）以及 analysis::segments
# 中显示的文字：特征名、建议的分群名称、规则、K 的选择。

segments-heading = 客户分群
segments-needs-orders = 客户分群依据客户的订单，因此需要订单文件：请在“数据”标签页加载。
segments-needs-customers = 客户分群至少需要 { $need } 位客户才能比较，而这些订单只有 { $have } 位。请加载客户更多的文件。
segments-needs-money = 按{ $features }分群需要金额，而这些订单没有单价或金额列：请在“数据”标签页映射一列，或在上方取消勾选{ $features }。
segments-open-data = 打开“数据”标签页
segments-needs-prices = 按{ $features }分群需要订单中有单价列和商品列，而这些订单缺少其中之一：请在“数据”标签页映射它们，或取消勾选这些特征。
segments-untick-features = 取消勾选这些特征
segments-feature-what = 分群特征“{ $feature }”
segments-feature-needs-service = 它是客服信号，需要客服消息文件（客户、时间、消息内容）：请与订单一起加载，或选择其他特征
segments-needs-service = 按{ $features }分群需要客服消息文件中的客户信号，而目前没有加载或无法读取：请在“数据”标签页加载（由“客服”标签页读取），或取消勾选这些特征。
segments-signal-features = 客服信号：
segments-signal-features-hover = 来自客户写给客服的消息（已加载的客服消息文件）。从未咨询过的客户记为咨询 0 次、未投诉、沉默时间比任何咨询过的客户都长、情感为店铺的平均水平。
context-join-service-signals = 把客服信号合并到客户表
segments-stopped = 分群已中止
segments-cancelled = 已取消。点击“自动”或调整 K 即可对客户分群。
segments-run-summary = { $customers } 位客户分为 { $k } 个分群，依据：{ $features }；距上次购买天数计算至 { $date }。
segments-silhouette = 轮廓系数：
segments-silhouette-meaning = 客户分组是否清晰，取值 -1 到 1；高于 0.4 即清晰。
segments-separation-clear = 各分群区分清晰（{ $silhouette }）：每个分群都可以使用各自的营销信息。
segments-separation-fair = 各分群区分尚可（{ $silhouette }）：可以分别投放，但边界附近的客户较难区分。
segments-separation-weak = 各分群相互重叠（{ $silhouette }）：请把分群视为大致倾向，或尝试其他特征或其他 K 值。
segments-silhouette-sampled = { $silhouette }（抽样 { $rows } 位客户计算，± { $error }）
segments-choosing-k = 选择 K
segments-choosing-k-explanation = 惯性（各分群内部的离散程度）总是随 K 增大而下降：请找曲线的拐点。轮廓系数（-1 到 1）越高，说明各分群区分越明显。虚线为当前使用的 K。
segments-table-explanation = 点击名称即可在下方查看该分群，并为其重命名。
segments-size-section = 规模与销售额
segments-size-explanation = 每个分群有多少客户，贡献了多少销售额。
segments-rules-section = 如何识别每个分群
segments-rules-explanation = 一棵浅层决策树，根据所用特征预测客户所属的分群。
segments-rules-error = 规则
segments-picture-section = 分群分布图
segments-picture-explanation = 每个点代表一位客户，按客户之间差异最大的两个方向排布；每条坐标轴注明沿该方向增大（↑）或减小（↓）的指标。
segments-picture-error = 分布图
segments-scores-section = 各分群评分
segments-scores-explanation = 来自“客户价值”标签页：窗口期内的平均购买倾向、分群中处于高流失风险档的客户占比、预测客户价值的均值与合计。
segments-profile-section = 画像与成员：{ $name }
segments-profile-explanation = 可在上方表格中选择其他分群。

# 运行设置（controls_view）。
segments-features-in-use = 使用的特征：
segments-features-in-use-hover = 客户分群所依据的指标。每个指标先换算到同一尺度（压缩较大的数值，再以相对平均值的标准差计量），避免单个指标主导结果。
segments-feature-needs-price-hover = 需要订单文件中有单价和商品 ID
segments-k-label = K（分群数）：
segments-k-meaning = K 是把客户分成的分群个数。
segments-auto = 自动
segments-cancel = 取消
segments-cancel-hover = 停止分群（在两个 K 值之间停止）
segments-k-chosen-by-you = K = { $k }，由你设定。点击“自动”让数据来选：{ $rule }
segments-auto-k-rule = 自动 K：在 3 到 8 个分群中，选出轮廓系数与其中最佳值相差不超过 0.02 的最小 K：各组区分明显，分群数也不超过数据所能支撑的数量。

# 肘部图与轮廓系数图（curve_view）。
segments-curve-empty = 点击“自动”，对 2 到 10 的每个 K 进行拟合，并绘制肘部图和轮廓系数图。
segments-elbow-title = 肘部图：各 K 的惯性
segments-silhouette-title = 各 K 的轮廓系数
segments-inertia-meaning = 客户围绕所在分群中心的分散程度；它总是随 K 增大而下降，请找下降明显变缓的拐点。
segments-axis-k = K（分群数）
segments-axis-inertia = 惯性（分群内离散程度）
segments-axis-silhouette = 轮廓系数（-1 到 1）
segments-chosen-k = 当前使用的 K
segments-curve-hover = K = { $k }：{ $value }

# 分群表与重命名（summary_view），规模图（size_view）。
segments-column-segment = 分群
segments-column-customers = 客户数
segments-column-customer-share = 客户占比
segments-column-revenue-share = 销售额占比
segments-column-sets-apart = 突出特征（与其余客户相差的标准差）
segments-sets-apart-meaning = 该分群的平均值与其余客户相差多少个标准差（客户之间通常的离散程度）：+1 为明显偏高，-1 为明显偏低；超过 ±0.5 即较突出。
segments-column-top-categories = 主要品类
segments-no-prices = 无价格
segments-revenue = 销售额
segments-rename = 重命名分群 { $id }：
segments-save-name = 保存名称
segments-customers-per-segment = 各分群客户数
segments-revenue-share-per-segment = 各分群销售额占比
segments-revenue-per-segment = 各分群销售额
segments-axis-customers = 客户数
segments-axis-revenue-share = 销售额占比
segments-axis-segment = 分群
segments-size-sentence = { $name }：以 { $customers } 的客户贡献了 { $revenue } 的销售额，是最值得维系的分群。
segments-size-sentence-largest = 最大的分群是{ $name }，占客户的 { $customers }。

# 决策树规则（tree_view、analysis::segments::tree）。
segments-rules-accuracy = 这些规则把 { $share } 的客户归入了其所属的分群。
segments-rules-accuracy-sampled = 这些规则把 { $share } 的客户归入了其所属的分群（决策树基于 20,000 位客户的样本拟合）。
segments-column-rule = 规则
segments-column-right = 正确率
segments-right-meaning = 规则覆盖的客户中，确实属于该分群的比例。
segments-rules-hold = 在只能使用简单筛选条件的地方（例如店铺系统的客户筛选），可以用这些规则代替分群。
segments-rules-rough = 这些规则只是大致参考：要精确定位某个分群，请使用导出文件中的分群列。
segments-rule-everyone = 所有客户
segments-rule-and = 且

# 分群分布图（scatter_view）。
segments-picture-summary = 图中绘制了 { $customers } 位客户。
segments-axis-component = 主成分 { $number }（占差异的 { $share }）
segments-axis-direction = 主成分 { $number }（占差异的 { $share }）：{ $features }
segments-direction-up = { $feature } ↑
segments-direction-down = { $feature } ↓
segments-list-two = { $first }、{ $second }
segments-picture-hover =
    客户 { $customer }
    { $segment }

# 各分群评分（scores_view）。
segments-scores-need-value = 在“客户价值”标签页训练模型后，即可在这里查看每个分群的购买倾向、流失风险和客户价值。
segments-mean-propensity-meaning = 该分群客户在“客户价值”标签页的窗口期内购买的平均概率，取值 0 到 1。
segments-high-churn-risk-meaning = 该分群中处于“客户价值”标签页高流失风险档的客户占比：这些客户最可能不再购买。
segments-mean-clv-meaning = 客户终身价值：“客户价值”标签页预计该分群每位客户在预测期内的平均消费。
segments-total-clv-meaning = 整个分群的客户终身价值：“客户价值”标签页预计其全部客户在预测期内的消费合计。
segments-scores-both = 预测客户价值最多的是{ $value_name }（{ $value }）：用会员忠诚优惠留住他们。高流失风险客户最多的是{ $risk_name }（{ $risk }）：优先挽回。
segments-scores-same = 预测价值最多、流失风险也最高的都是{ $name }（价值占 { $value }，高风险占 { $risk }）：请优先维护这个分群。
segments-scores-value-only = 预测客户价值最多的是{ $name }（{ $value }）：用会员忠诚优惠留住他们。
segments-scores-risk-only = 高流失风险客户最多的是{ $name }（{ $risk }）：优先挽回。
segments-column-scored = 已评分客户
segments-column-mean-propensity = 平均购买倾向
segments-column-high-churn-risk = 高流失风险占比
segments-column-mean-clv = 平均 CLV
segments-column-total-clv = CLV 合计
segments-scored-of = { $scored } / { $size }

# 画像与成员（profile_view、members_view）。
segments-profile-title = { $name }：分群中心，各指标相对全体平均值的指数（全体 = 100）
segments-centroid-meaning = 分群中心（质心）就是该分群的平均客户：100 表示与全体相同，200 表示两倍，50 表示一半。
segments-axis-index = 指数（全体平均 = 100）
segments-axis-feature = 指标
segments-everyone = 全体平均
segments-campaign = { $name }，{ $customers } 位客户，{ $traits }：{ $offer }。
segments-trait-spends-more = 消费是平均的 { $times } 倍
segments-trait-spends-less = 消费只有平均的 { $share }
segments-trait-lapsed = 平均已有 { $days } 天未下单
segments-trait-recent = 最近下过单
segments-trait-orders-more = 下单频率是平均的 { $times } 倍
segments-trait-orders-less = 下单比平均少
segments-trait-discount = 比多数客户更常买折扣商品
segments-trait-average = 消费和下单都与平均客户相近
segments-trait-both = { $first }，且{ $second }
segments-offer-win-back-personal = 适合在流失前发送个性化挽回优惠
segments-offer-win-back = 适合发送挽回折扣
segments-offer-promotions = 适合促销价和特卖提醒
segments-offer-loyalty = 适合会员忠诚优惠
segments-offer-welcome = 适合发送引导第二次下单的欢迎系列
segments-offer-upsell = 适合用组合和交叉销售提高客单
segments-offer-newsletter = 适合常规资讯和交叉销售
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
segments-feature-last-contact = 距上次咨询天数
segments-feature-contacts-30d = 近30天咨询次数
segments-feature-contacts-90d = 近90天咨询次数
segments-feature-complained = 近30天投诉
segments-feature-asked-discount = 问过优惠未购买
segments-feature-sentiment = 平均情感

# 用于句子和图表标题的特征名称，以及每个特征的含义（悬停显示）。
segments-words-recency = 距上次购买天数
segments-words-orders = 订单数
segments-words-revenue = 销售额
segments-words-avg-order-value = 客单价
segments-words-tenure = 首购至今天数
segments-words-days-between = 平均购买间隔天数
segments-words-units = 购买件数
segments-words-discount-share = 折扣购买占比
segments-words-avg-unit-price = 平均成交单价
segments-words-last-contact = 距上次咨询天数
segments-words-contacts-30d = 近30天咨询次数
segments-words-contacts-90d = 近90天咨询次数
segments-words-complained = 近30天投诉
segments-words-asked-discount = 问过优惠未购买
segments-words-sentiment = 平均情感
segments-feature-recency-meaning = 从客户最近一次下单到分析日的天数：越小越近。
segments-feature-orders-meaning = 客户下过的订单数。
segments-feature-revenue-meaning = 客户的消费总额，已扣除退货。
segments-feature-avg-order-value-meaning = 客户平均每笔订单的消费。
segments-feature-tenure-meaning = 从客户首次下单到分析日的天数：成为客户多久了。
segments-feature-days-between-meaning = 客户两次下单之间的平均天数。
segments-feature-units-meaning = 客户购买的商品总件数。
segments-feature-discount-share-meaning = 客户以低于商品常规价格购买的比例。
segments-feature-avg-unit-price-meaning = 客户购买时平均每件支付的价格。
segments-feature-last-contact-meaning = 客户最近一次联系客服至今的天数；从未咨询过的客户记为比任何咨询过的客户沉默更久。
segments-feature-contacts-30d-meaning = 客户近 30 天发给客服的消息数。
segments-feature-contacts-90d-meaning = 客户近 90 天发给客服的消息数。
segments-feature-complained-meaning = 客户近 30 天投诉过（质量或服务）为 1，否则为 0；分群的平均值就是投诉过的客户占比。
segments-feature-asked-discount-meaning = 客户近 30 天问过优惠且之后没有下单为 1，否则为 0。
segments-feature-sentiment-meaning = 客户消息的平均正面程度，从 0（负面）到 1（正面）；从未咨询过的客户取店铺的平均值。

# 建议的分群名称（analysis::segments::propose_name）。
segments-name-bargain-hunters = 促销敏感客户
segments-name-recent-complainers = 近期投诉客户
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
segments-name-numbered = { $name } { $n }

# 为什么选这个 K（analysis::segments::choose_k）以及计算进度。
segments-k-as-set = K = { $k }（手动设定）。
segments-k-too-alike = 客户之间不同的数据太少，分不出 { $min } 到 { $max } 个分群：最多只能分 { $most } 个。
segments-k-best = K = { $k }：K = { $from } 到 { $to } 中轮廓系数最佳（{ $silhouette }）。
segments-k-fewest = K = { $k }：轮廓系数（{ $silhouette }）与 K = { $from } 到 { $to } 中的最佳值（K = { $best_k } 时为 { $best }）相差不超过 { $tolerance } 的最少分群数。
segments-k-with-note = { $why }{ $note }
segments-progress-features = 正在计算客户特征
segments-progress-profiles = 正在生成分群画像
segments-progress-k-means = 正在进行 K 均值聚类（K = { $k }）
