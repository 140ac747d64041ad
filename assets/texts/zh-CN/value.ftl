# 客户价值标签页：购买倾向、流失风险和客户终身价值（ui::value_panel、ui::value、analysis::propensity、analysis::clv）。

value-heading = 客户价值
value-no-orders = 请加载订单文件，以评估客户的购买倾向、流失风险和价值。
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
value-feature-share = 品类占比：{ $category }
value-feature-events-30d = 近 30 天“{ $event }”事件数
value-rule = 若 { $when }，则 p = { $p }（{ $count } 位客户）
value-rule-always = 无条件
value-rule-and = 且
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
value-fit-summary = 在 { $train } 拟合，在 { $test } 检验：{ $percent }% 的客户在 { $days } 天内购买。
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
value-purchases-mbgnbd = 购买次数：MBG/NBD r = { $r }，alpha = { $alpha } 天，a = { $a }，b = { $b }
value-purchases-historical = 购买次数：历史估计（按迄今的复购率），原因：{ $reason }
value-spend-gamma-gamma = 消费额：Gamma-Gamma p = { $p }，q = { $q }，gamma = { $gamma }
value-spend-historical = 消费额：历史值（每位客户的平均消费额），原因：{ $reason }
value-spend-and-clv = 每次购买的消费额和 CLV
value-clv-totals = 从 { $date } 起的 { $days } 天内：{ $count } 位客户，预测购买 { $purchases } 次，CLV { $clv }。
value-clv-unknown = 没有价格，无法得知
value-holdout-title = 留出检验：每位客户预测与实际的购买天数对比
value-holdout-summary = 在 { $cutoff } 之前拟合，用其后 { $days } 天内的 { $count } 位客户检验：预测 { $predicted }，实际 { $actual }，平均绝对误差 { $error }。
value-holdout-axis = 截止日前的复购次数
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
