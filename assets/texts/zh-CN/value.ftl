# 客户价值标签页：购买倾向、流失风险和客户终身价值（ui::value_panel、ui::value、analysis::propensity、analysis::clv）。

value-heading = 客户价值
value-what = 购买倾向、流失风险和客户价值
value-no-orders = 客户价值需要一个订单文件（谁在何时购买），才能评估每位客户的购买概率、流失风险和价值：请在数据标签页加载。
value-training-stopped = 训练已中止
value-files-changed = 自上次训练以来，已加载的文件有变动：请点击“训练”为这些客户重新评分。
value-press-train = 点击“训练”来拟合购买倾向模型（预测谁会在窗口期内购买）和客户价值模型。
value-scored-summary = 已用{ $model }模型基于 { $features } 个特征为 { $count } 位客户评分。
value-customers-section = 客户
value-customers-explanation = 窗口期内的购买倾向、流失风险及其等级、P(alive)（仍活跃的概率）、CLV 预测期内的预测购买次数和价值，以及预计的下次下单日期。

# 训练设置。
value-window-days = 窗口期（天）：
value-window-days-hover = 在截止日之后这么多天内购买的客户计为购买者
value-cutoff = 截止日：
value-cutoff-hint = YYYY-MM-DD（留空：最后下单日减去窗口期）
value-cutoff-hover = 检验窗口期开始的日期：模型从它之前的窗口期学习，并在它之后的窗口期检验
value-logreg-meaning = 逻辑回归：对客户各项指标加权求和；速度快，权重能看出每项指标的影响方向。
value-tree-meaning = 决策树：对客户提几个是或否的问题；其规则列在图表下方。
value-forest-meaning = 随机森林：许多决策树投票；通常最准确，但拟合最慢。
value-gbt-meaning = 梯度提升树：许多小决策树，每棵修正前面各棵的误差；能发现直线模型漏掉的特征组合。
value-cutoff-invalid = 请按 YYYY-MM-DD 格式填写日期
value-models = 模型：
value-train = 训练
value-train-hover = 拟合购买倾向模型和客户价值模型
value-train-disabled-hover = 请至少勾选一个模型，并填写有效的截止日
value-cancel = 取消
value-cancel-hover = 停止训练（在两个步骤之间停止）

# 模型、特征与决策树规则（analysis::propensity）。
value-model-logreg = 逻辑回归
value-model-tree = 决策树
value-model-forest = 随机森林
value-model-gbt = 梯度提升树
value-feature-recency-days = 距上次购买天数
value-feature-tenure-days = 首购至今天数
value-feature-orders = 订单数
value-feature-purchase-days = 购买天数
value-feature-revenue = 消费额
value-feature-avg-order-value = 客单价
value-feature-units = 购买件数
value-feature-orders-30d = 近 30 天订单数
value-feature-orders-90d = 近 90 天订单数
value-feature-orders-180d = 近 180 天订单数
value-feature-revenue-30d = 近 30 天消费额
value-feature-revenue-90d = 近 90 天消费额
value-feature-revenue-180d = 近 180 天消费额
value-feature-mean-days-between = 平均购买间隔天数
value-feature-gap-cv = 购买间隔的波动
value-feature-share = “{ $category }”品类的购买占比
value-feature-events-30d = 近 30 天“{ $event }”事件数
value-rule = 若 { $when }，则 p = { $p }（{ $count } 位客户）
value-rule-always = 无条件
value-rule-and = { $first } 且 { $next }
value-rule-at-least = { $feature } >= { $threshold }
value-rule-below = { $feature } < { $threshold }
value-progress-building-features = 正在构建特征
value-progress-fitting-out-of-time = 正在拟合{ $model }（跨时间检验）
value-progress-fitting-random-split = 正在拟合{ $model }（随机拆分）
value-progress-scoring = 正在用{ $model }评分

# 客户价值（analysis::clv）。
value-progress-clv = 正在拟合 MBG/NBD 和 Gamma-Gamma
value-reason-few-repeaters = 共 { $customers } 位客户，其中 { $repeaters } 位有复购：MBG/NBD 至少需要 { $min_customers } 位客户和 { $min_repeaters } 位复购客户
value-reason-few-spenders = 有正消费额的复购客户为 { $buyers } 位：Gamma-Gamma 至少需要 { $min_buyers } 位

# 模型对购买者的排序效果。
value-ranking-section = 模型对购买者的排序效果
value-ranking-explanation = 每条曲线权衡找到的购买者（向上）与误判的非购买者（向右）；越靠左上越好。AUC 为 0.5 相当于随机猜测，为 1 则完美。跨时间检验：在较早的截止日拟合，在较晚的截止日检验。
value-roc-title = 各模型的 ROC 曲线（跨时间检验）
value-guessing = 随机猜测
value-roc-legend = { $model }（AUC { $auc }）
value-auc-title = 各模型的 AUC
value-auc-model = 模型
value-auc-out-of-time = 跨时间检验
value-auc-random-split = 随机拆分
value-auc-chosen-model = { $model }（用于评分）
value-fit-summary = 在 { $train } 拟合，在 { $test } 检验：{ $share } 的客户在 { $days } 天内购买。
value-scored-at = 评分日期：{ $date }。
value-gain-title = 按十分位的累计增益
value-lift-title = 按十分位的提升度
value-random = 随机
value-calibration-section = 校准
value-calibration-explanation = 按概率区间对比预测概率与实际购买的比例：落在对角线上时，评分 30% 即有 30% 的客户购买。
value-drivers-section = 影响评分的因素（{ $model }）
value-drivers-explanation = 为客户评分的模型的特征重要性。
value-tree-section = 决策树规则
value-tree-explanation = 每条规则的含义：符合这些条件的客户以此概率购买。

# 流失风险。
value-churn-risk-section = 流失风险
value-churn-risk-explanation = 流失风险 = 1 - 所选模型给出的窗口期内购买倾向。移动阈值来决定哪些客户算作中风险或高风险；风险等级会立即更新。
value-medium-risk-from = 中风险起点：
value-high-risk-from = 高风险起点：
value-low-risk-count = 低风险：{ $count }
value-medium-risk-count = 中风险：{ $count }
value-high-risk-count = 高风险：{ $count }
value-bucket-high = 高
value-bucket-medium = 中
value-bucket-low = 低

# 客户价值。
value-clv-section = 客户价值
value-clv-explanation = 用 MBG/NBD 预测未来购买次数和 P(alive)，用 Gamma-Gamma 预测每次购买的消费额；CLV = 预期购买次数 × 预期消费额。
value-clv-failed = 无法计算客户价值
value-purchases-label = 购买次数：
value-spend-label = 消费额：
value-mbgnbd-name = MBG/NBD
value-gamma-gamma-name = Gamma-Gamma
value-purchases-mbgnbd = r = { $r }，alpha = { $alpha } 天，a = { $a }，b = { $b }
value-purchases-historical = 历史估计（按迄今的复购率），原因：{ $reason }
value-spend-gamma-gamma = p = { $p }，q = { $q }，gamma = { $gamma }
value-spend-historical = 历史值（每位客户的平均消费额），原因：{ $reason }
value-spend-unpriced = 无：订单没有价格
value-clv-over = 从 { $date } 起的 { $days } 天内：
value-figure-customers = 客户数
value-figure-purchases = 预测购买次数
value-figure-active = 可能仍活跃的客户（P(alive) ≥ 50%）
value-figure-clv = CLV（全部客户）
value-clv-unknown = 没有价格，无法得知
value-holdout-title = 留出检验：每位客户预测与实际的购买天数对比
value-holdout-summary = 在 { $cutoff } 之前拟合，用其后 { $days } 天内的 { $count } 位客户检验。
value-mae = 平均绝对误差
value-mae-value = 每位客户 { $error } 个购买日
value-predicted = 预测
value-actual = 实际

# 客户表。
value-show-churn-risk = 显示流失风险：
value-bucket-all = 全部
value-export-hover = 按下表所示导出客户；CSV 用 Excel 打开时中文不会乱码
value-customer-count = { $count } 位客户
value-next-order-none = { $days } 天内没有
value-col-customer-id = 客户 ID
value-col-segment = 分群
value-col-propensity = 购买倾向
value-col-churn-risk = 流失风险
value-col-risk-bucket = 风险等级
value-col-p-alive = 活跃概率
value-col-predicted-purchases = 预测购买次数
value-col-clv = CLV
value-col-next-order = 下次下单

# 购买倾向与客户价值拟合的错误（analysis::propensity、analysis::clv）。
value-error-thresholds = 流失风险阈值
value-error-thresholds-why = 需要满足 0 <= 中风险 <= 高风险 <= 1，当前中风险为 { $medium }，高风险为 { $high }
value-error-window = 窗口期
value-error-at-least-a-day = 至少要 1 天
value-error-models = 模型
value-error-models-why = 请在 logreg、tree、forest 中至少选择一个
value-error-scoring-model = 评分模型
value-error-scoring-model-why = { $model }不在要拟合的模型之中
value-error-random-share = 随机检验比例
value-error-random-share-why = 必须在 0 和 1 之间
value-error-trees = 决策树设置
value-error-trees-why = 至少需要一棵树，深度为 1 到 60
value-error-penalty = 回归惩罚项
value-error-penalty-why = 必须大于或等于 0
value-error-memory = 为 { $lines } 行订单明细的客户评分
value-error-orders = 订单
value-error-no-dated-purchase = 没有带日期的购买记录可供学习
value-error-cutoff = 截止日 { $cutoff }
value-error-cutoff-why = 其 { $days } 天的窗口期超过了最后下单日（{ $last }）；请选择 { $latest } 或更早的截止日
value-error-training-cutoff = 训练截止日 { $cutoff }
value-error-training-cutoff-why = 在此之前没有客户购买；请选择更晚的截止日或更短的窗口期
value-error-fitting = 拟合{ $model }模型
value-error-same-outcome = 训练窗口期内所有客户的结果都相同；请选择更早的截止日或更长的窗口期
value-error-horizon = 预测期
value-error-discount-rate = 折现率
value-error-discount-rate-why = 必须大于或等于 0，当前为 { $rate }
value-error-holdout-cutoff = 留出检验截止日 { $cutoff }
value-error-holdout-cutoff-why = 必须早于最后下单日（{ $last }）
value-error-fit = { $model } 拟合
value-error-not-settled = 搜索在 { $iterations } 次迭代后仍未收敛
value-error-a-is-one = a = 1，此时预期购买次数无定义
value-error-search = 最大似然搜索

# 图表：坐标轴标题和悬停文字。
value-roc-x-axis = 误报率：被误选的非购买者比例
value-roc-y-axis = 找到的购买者比例
value-top-share-axis = 按评分从高到低联系的客户比例
value-gain-y-axis = 覆盖的购买者占全部购买者的比例
value-lift-y-axis = 提升度：平均购买率的倍数
value-calibration-x-axis = 预测的购买概率
value-calibration-y-axis = 实际购买的比例
value-importance-weight-axis = 在评分中的权重（向右：更可能购买；向左：更不可能）
value-importance-share-axis = 占模型决策的比例
value-holdout-x-axis = 按 { $cutoff } 之前复购次数分组的客户
value-holdout-y-axis = 之后 { $days } 天内每位客户的购买天数
value-chart-hover =
    { $series }
    { $x_axis }：{ $x }
    { $y_axis }：{ $y }
value-importance-title = 特征重要性
value-importance-hover-lowers =
    { $feature }
    权重 { $weight }：数值越高，越不可能购买
value-importance-hover-raises =
    { $feature }
    权重 { $weight }：数值越高，越可能购买
value-importance-hover-share =
    { $feature }
    占模型决策的 { $share }
value-holdout-hover =
    { $series }：截止日前复购 { $group } 次（{ $customers } 位客户）
    每位客户 { $value } 个购买日
value-calibration-title = 预测与实际购买率对比
value-calibration-diagonal = 完全校准
value-average-rate = 平均购买率

# 各指标的含义（悬停显示）。
value-roc-meaning = 随着评分门槛降低，每个点权衡找到的购买者与被误选的非购买者；曲线越贴近左上角越好。
value-auc-meaning = 评分把购买者排在非购买者前面的能力：0.5 相当于猜测，1 为完美；高于 0.75 即有用。
value-out-of-time-meaning = 在较早的截止日拟合，在模型从未见过的较晚窗口期检验：这是对营销活动最真实的数字。
value-random-split-meaning = 在同一批客户的随机部分上拟合和检验；若远高于跨时间检验的数字，说明模型学到的是过去而非未来。
value-gain-meaning = 按评分联系排在前面的一部分客户时，能覆盖全部购买者的比例；虚线表示随机联系。
value-lift-meaning = 一部分客户的购买率是平均购买率的多少倍：3 表示比随机挑选的客户可能性高三倍；1 表示没有更好。
value-calibration-meaning = 评分能否当作概率来读：在对角线上时，评分 30% 表示这类客户中每 10 位有 3 位购买。
value-importance-meaning = 每个客户指标对评分的影响有多大；条形越长，影响越大。
value-mbgnbd-meaning = 购买模型（修正的贝塔几何 / 负二项分布）：根据每位客户购买的频率和最近一次购买，预测其未来购买次数和 P(alive)，即客户仍会购买的概率。
value-gamma-gamma-meaning = 消费模型：每位客户每次购买的预期消费额；购买次数少时，其自身平均值会向全体客户的平均值靠拢。
value-holdout-meaning = 用截止日之前的历史拟合购买模型，再与客户在截止日之后的实际行为对比，因此准确度是测出来的，而非假设的。
value-mae-meaning = 每位客户预测与实际购买天数之间的平均差距：0 为完美；远小于一个购买日即为良好。

# 各结果对营销活动的意义。
value-ranking-unchecked = 检验窗口期内只有购买者或只有非购买者，无法检验排序效果：请换一个截止日或窗口期。
value-ranking-target = 评分前 10% 的客户占检验窗口期内购买者的 { $share }，是平均水平的 { $lift } 倍（AUC { $auc }）：优先针对他们。
value-ranking-weak = 评分对购买者的排序只比猜测略好（AUC { $auc }）：不要只凭它来定位营销活动。
value-drivers-lower = “{ $feature }”权重最大：数值越高，客户越不可能购买，所以要在它变大之前触达客户。
value-drivers-higher = “{ $feature }”权重最大：数值越高，客户越可能购买，所以优先考虑这一数值高的客户。
value-drivers-pair = “{ $feature }”和“{ $second }”决定了评分的大部分：按它们定位的优惠能触达最可能购买的客户。
value-drivers-one = “{ $feature }”决定了评分的大部分：按它定位的优惠能触达最可能购买的客户。
value-calibration-good = 评分可以当作概率来读：评分 30% 表示这类客户中约每 10 位有 3 位购买，评分之和即预期的购买者人数。
value-calibration-over = 评分平均高估购买概率 { $points } 个百分点：用它来给客户排序，而不是估算购买者人数。
value-calibration-under = 评分平均低估购买概率 { $points } 个百分点：用它来给客户排序，并预期购买者会多于评分之和。
value-risk-high = { $count } 位客户（{ $share }）流失风险高：趁他们还没流失，用挽回优惠最合适。
value-risk-none-high = 按当前阈值没有高风险客户：调低“高风险起点”可以看到哪些客户正在流失。
value-clv-concentrated = 按 CLV 排名前 20% 的客户占未来 { $days } 天预期价值的 { $share }：用会员优惠留住他们。
value-clv-spread = 价值分布较均匀（前 20% 的客户占未来 { $days } 天价值的 { $share }）：面向大众的营销活动比只针对少数客户的优惠更合适。
value-holdout-close = 购买模型预测留出的 { $days } 天内有 { $predicted } 个购买日，实际为 { $actual }（相差 { $gap }）：其预测可用于制定计划。
value-holdout-over = 购买模型预测留出的 { $days } 天内有 { $predicted } 个购买日，但实际只有 { $actual }（多估 { $gap }）：请调低计划的数量。
value-holdout-under = 购买模型预测留出的 { $days } 天内有 { $predicted } 个购买日，但实际有 { $actual }（少估 { $gap }）：计划时要多于它的预测。

# 数据缺少的内容。
value-open-data = 打开数据标签页
value-open-data-hover = 在那里加载文件或映射列
value-needs-history = 订单只覆盖 { $days } 天，对 { $window } 天的窗口期来说太短：模型要从 { $date } 之前的购买中学习。请加载更长的订单历史，或缩短窗口期。
value-needs-money = CLV 需要金额：订单没有价格或金额列，因此只预测购买次数。请在数据标签页映射价格或金额列，或加载带价格的订单。
value-axis-feature = 特征
