# 营销活动标签页：条件、排除、收益测算、方案、导出、效果复盘。

campaigns-heading = 营销活动
campaigns-what = 生成目标名单
campaigns-no-orders = 营销活动需要订单文件才能生成目标名单：请在“数据”标签页加载。
campaigns-no-dialog = 此桌面无法显示文件对话框：请在按钮旁的输入框中输入文件路径。
campaigns-ok = 确定
campaigns-building = 正在生成目标人群：{ $step }…
campaigns-cancel = 取消
campaigns-cancel-hover = 停止生成（仍显示上一次的人群）
campaigns-build = 生成
campaigns-build-hover = 立即生成目标人群
campaigns-stale = 下面的数字来自之前的条件。
campaigns-build-failed = 无法生成目标人群
campaigns-conditions-failed = 无法应用这些条件
campaigns-who = 目标客户
campaigns-who-explanation = 按客户、所属分群、评分和购买记录设置条件。
campaigns-leave-out = 排除与对照
campaigns-leave-out-explanation = 已退订和近期已触达的名单、人数上限，以及留出用来衡量增量的对照组。
campaigns-what-if = 收益测算（ROI）
campaigns-what-if-explanation = 触达目标客户的投入产出：只有活动带来的新增买家才产生收益；优惠则付给所有使用它的人。
campaigns-no-figures = 目标人群生成后即显示这些数字。
campaigns-variants = 方案对比
campaigns-variants-explanation = 给活动命名并保存，即可并排比较不同方案。
campaigns-targets-explanation = 名单中的前几位客户，以及导出到各工具的文件。
campaigns-readout = 效果复盘
campaigns-readout-explanation = 活动结束后：目标组是否比对照组买得更多？

# 条件设置。
campaigns-matching = 客户需满足
campaigns-match-all = 全部条件（AND）
campaigns-match-any = 任一条件（OR）
campaigns-no-condition-all = 尚无条件：所有客户都在目标人群中。
campaigns-no-condition-any = 尚无条件：使用 OR 时，目标人群为空。
campaigns-remove = 移除
campaigns-remove-condition-hover = 移除此条件
campaigns-add-condition = 添加：
campaigns-add-kind = + { $kind }
campaigns-kind-segment = 分群
campaigns-kind-rfm-group = RFM 分组
campaigns-kind-score-range = 评分范围
campaigns-bought = 购买过
campaigns-kind-churn-risk = 流失风险
campaigns-kind-region = 地区
campaigns-kind-has-email = 有邮箱
campaigns-kind-has-phone = 有手机号
campaigns-segment-is = 分群为
campaigns-rfm-group-is = RFM 分组为
campaigns-churn-risk-is = 流失风险为
campaigns-churn-low = 低
campaigns-churn-medium = 中
campaigns-churn-high = 高
campaigns-region-is = 地区为
campaigns-text-in = { $column } 为以下之一：{ $values }
campaigns-has-email-address = 有邮箱地址
campaigns-has-phone-number = 有手机号码
campaigns-nested-group = 一个包含 { $count } 个条件的嵌套组（来自项目文件）
campaigns-between = 范围
campaigns-at-least = 至少
campaigns-at-most = 至多
campaigns-bound = { $column } { $bound }：
campaigns-never-bought = 从未购买
campaigns-category = 品类
campaigns-item-id = 商品 ID
campaigns-item = 商品：
campaigns-from = 从：
campaigns-until = 至：

# 排除与对照。
campaigns-opt-out = 已退订（客户 ID 或邮箱）：
campaigns-contacted = 近期已触达（之前导出的名单）：
campaigns-path-hint = 文件路径
campaigns-choose = 选择…
campaigns-add-file = 添加
campaigns-remove-list-hover = 不再使用此名单
campaigns-limit = 最多
campaigns-limit-customers = 客户数：
campaigns-highest-first-by = 按此项从高到低
campaigns-control-group = 对照组：
campaigns-control-group-hover = 随机留出并标记的一部分客户，之后用来衡量增量
campaigns-seed = 随机种子：
campaigns-seed-hover = 相同的种子得到相同的分组

# 导出。
campaigns-format-csv-bom = 带 BOM 的 CSV（Excel）
campaigns-format-meta = Meta 自定义受众（哈希）
campaigns-format-google = Google 客户匹配（哈希）
campaigns-format = 格式
campaigns-country-code = 手机国家代码：
campaigns-country-code-hover = 在工具和广告文件中加在国内手机号前（E.164）
campaigns-export-to = 导出到：
campaigns-export-to-hover = 文件名或相对路径将写入 { $folder }
campaigns-save-as = 另存为…
campaigns-export = 导出
campaigns-export-hover = 先写入临时文件再重命名；旁边的 .json 文件记录导出方式
campaigns-dialog-save = 保存目标客户名单
campaigns-dialog-choose = 选择文件

# 关键数字。
campaigns-audience = 目标人群
campaigns-share-of-customers = 客户占比
campaigns-share-of-revenue = 营收占比
campaigns-targets = 目标组
campaigns-control = 对照组
campaigns-buy-anyway = 自然购买
campaigns-incremental-responders = 增量响应客户
campaigns-left-out = 符合条件 { $matched } 人；已排除：已退订 { $opted_out } 人，近期已触达 { $contacted } 人，超出上限 { $over_max } 人。
campaigns-nobody = 目标人群为空。

# 效果复盘。
campaigns-sent-list = 已发送名单：
campaigns-sent-list-hint = 你导出的名单（留空：当前显示的目标人群）
campaigns-sent-list-hover = Marketbench 导出的名单文件：旁边的记录列出了每位目标客户和对照组，因此复盘比较的是真正发送的人。
campaigns-later-orders = 后续订单：
campaigns-later-orders-hint = 发送之后的订单
campaigns-read-out = 复盘
campaigns-dates-invalid = 日期格式为 YYYY-MM-DD
campaigns-reading = 正在读取后续订单…
campaigns-compared = 比较对象：{ $groups }。
campaigns-customers = 客户数
campaigns-responded = 响应人数
campaigns-response = 响应率
campaigns-revenue-per-customer = 人均营收
campaigns-points = { $value } 个百分点
campaigns-interval = { $estimate }（{ $low } 至 { $high }）
campaigns-interval-too-few = { $estimate }（客户太少，无法计算置信区间）

# 收益测算。
campaigns-cost-per-contact = 单次触达成本：
campaigns-incentive = 优惠力度：
campaigns-gross-margin = 毛利率：
campaigns-redeem = 自然购买者的用券比例：
campaigns-rate-from-scores = 自然购买率：取目标客户的平均购买倾向
campaigns-rate-from-scores-hover = 购买倾向是不做活动时购买的概率
campaigns-buy-anyway-rate = 自然购买率：
campaigns-uplift-from-readout = 增量：取上次复盘的目标组减对照组
campaigns-uplift-from-readout-disabled-hover = 在下方复盘一次以往的活动，即可测得其增量
campaigns-uplift = 增量：
campaigns-aov-from-history = 客单价取自目标人群的历史订单
campaigns-aov = 客单价：
campaigns-outcome-summary = 在 { $targets } 位目标客户中，{ $anyway } 位本来就会购买，另有 { $incremental } 位预计因活动而购买。只有这 { $incremental } 位带来毛利；两类买家都会拿到优惠。
campaigns-incremental-revenue = 增量营收
campaigns-incremental-margin = 增量毛利
campaigns-contact-cost = 触达成本
campaigns-incentive-cost = 优惠成本
campaigns-total-cost = 总成本
campaigns-profit = 利润
campaigns-roi = ROI
campaigns-break-even = 盈亏平衡增量
campaigns-break-even-none = 无：优惠吃掉了毛利
campaigns-curve-cut = 截取名单的依据（从高到低）：
campaigns-no-cut-pays = 在当前设置下，名单怎么截取都不赚钱：亏损最少的是按 { $column } 取前 { $count } 位，{ $profit }。请提高增量，或降低优惠力度或单次触达成本。
campaigns-curve-scored = 每个人的增量相同；目标客户越可能自然购买，白白付出的优惠就越多，因此曲线显示了再加人从哪里开始不划算。
campaigns-curve-flat = 这里每位目标客户自然购买的概率相同，因此 ROI 几乎不随截取位置变化：使用购买倾向评分（“客户价值”标签页）才能看出从哪里开始不划算。
campaigns-axis-targets = 触达的客户数
campaigns-this-audience = 当前人群

# 方案对比。
campaigns-variant-name = 方案名称：
campaigns-save-variant = 保存为方案
campaigns-save-variant-disabled-hover = 请为方案命名；目标人群生成后即可保存
campaigns-no-variant = 还没有保存的方案。
campaigns-variant = 方案
campaigns-size = 人数
campaigns-incremental = 增量
campaigns-cost = 成本
campaigns-load = 载入
campaigns-load-hover = 编辑此方案
campaigns-delete = 删除

# 营销活动的错误及处理办法（analysis::campaign）。
campaigns-hint-segment = 请先进行客户分群
campaigns-hint-rfm = 请加载包含客户 ID 和日期的订单文件
campaigns-hint-money = 请加载包含价格或金额列的订单文件（或用“更改读取方式”映射一列）
campaigns-hint-propensity = 请先计算购买倾向评分
campaigns-hint-churn = 请先计算流失风险
campaigns-hint-clv = 请先计算客户价值（CLV）
campaigns-hint-contact = 请加载已映射该列的客户文件
campaigns-hint-region = 加载时请映射地区或渠道列
campaigns-hint-other = 请先加载或计算该列
campaigns-error-missing-column = 客户表中没有“{ $column }”列：{ $hint }
campaigns-error-not-numeric = “{ $column }”不是数值列：请选择评分或金额列
campaigns-error-needs-orders = “购买过/从未购买”条件需要订单明细：请加载订单文件
campaigns-error-missing-line-column = 订单明细中没有“{ $column }”列；请在加载订单文件时映射该列
campaigns-error-io = { $file }：无法读取名单（{ $error }）
campaigns-error-campaign = 营销活动“{ $name }”
campaigns-error-control-share = 对照组比例必须不小于 0 且小于 1，而不是 { $share }
campaigns-error-readout-period = 复盘期间 { $from } 至 { $to }
campaigns-error-readout-backwards = 开始日期晚于结束日期，没有订单能计入：请从发送当天统计到之后的某一天
campaigns-error-loaded-files = 已加载的文件
campaigns-error-no-orders = 没有订单文件：营销活动需要订单明细

# 评分列在窗口中的名称（ui::campaigns::score_label）。
campaigns-score-propensity = 购买倾向
campaigns-score-clv = CLV
campaigns-score-predicted-purchases = 预测购买次数
campaigns-score-p-alive = 存活概率
campaigns-score-monetary = 消费额
campaigns-score-frequency = 购买频次
campaigns-score-recency-days = 距上次购买天数
campaigns-score-churn-risk = 流失风险
campaigns-signal-last-contact-days = 距上次咨询天数
campaigns-signal-contacts-30d = 最近 30 天咨询次数
campaigns-signal-contacts-90d = 最近 90 天咨询次数
campaigns-signal-complained-30d = 最近 30 天投诉过（1 = 是）
campaigns-signal-asked-discount-no-buy = 问过优惠但没买（1 = 是）
campaigns-signal-mean-sentiment = 消息平均情感（0–1）

# 缺少的输入：每项一句话，并附一个按钮前往补齐它的标签页。
campaigns-open-tab = 打开“{ $tab }”标签页
campaigns-needs-segments = 分群条件需要先有分群：请在“客户分群”标签页计算。
campaigns-needs-propensity = 这需要购买倾向评分（每位客户购买的概率）：请在“客户价值”标签页训练。
campaigns-needs-clv = 这需要客户价值（CLV）：请在“客户价值”标签页计算。
campaigns-needs-money = 消费额需要价格：请加载含价格或金额列的订单，或在“数据”标签页映射一列。
campaigns-needs-email = 这需要邮箱地址：请在“数据”标签页加载含邮箱列的客户文件。
campaigns-needs-phone = 这需要手机号：请在“数据”标签页加载含手机号列的客户文件。
campaigns-needs-region = 地区条件需要含地区或渠道列的客户文件：请在“数据”标签页加载。
campaigns-needs-category = 品类条件需要订单或商品文件中的品类列：请在“数据”标签页映射。
campaigns-needs-orders = 这需要包含客户、日期和金额的订单文件：请在“数据”标签页加载。
campaigns-rate-needs-propensity = 自然购买率目前为手动输入：在“客户价值”标签页训练购买倾向后，即可按每位目标客户的购买概率计算。
campaigns-aov-needs-money = 订单没有价格，因此客单价为手动输入：在“数据”标签页映射价格或金额列后，即可取自历史订单。
campaigns-segment-number = 分群 { $id }

# 各项数字的含义，鼠标悬停时显示。
campaigns-audience-meaning = 目标人群中的客户：目标组加对照组。
campaigns-share-of-customers-meaning = 目标人群占全部客户的比例。
campaigns-share-of-revenue-meaning = 目标人群过去的消费额占全部客户消费额的比例。
campaigns-targets-meaning = 将被触达的客户。
campaigns-control-meaning = 随机留出、不做触达的客户：他们的购买情况说明目标客户本来就会买多少。
campaigns-buy-anyway-meaning = 不做活动也预计会购买的目标客户（无活动时的预期响应）；他们不带来额外利润。
campaigns-incremental-responders-meaning = 预计因活动而购买的目标客户：增量乘以目标客户数。
campaigns-incremental-revenue-meaning = 活动带来的新增买家产生的营收，按客单价计算。
campaigns-incremental-margin-meaning = 上述营收乘以毛利率：新增买家带来的毛利。
campaigns-contact-cost-meaning = 单次触达成本乘以目标客户数。
campaigns-incentive-cost-meaning = 付给新增买家和使用优惠的自然购买者的优惠。
campaigns-total-cost-meaning = 触达成本加优惠成本。
campaigns-profit-meaning = 增量毛利减总成本：活动比不做活动多赚的钱；低于 0 即亏损。
campaigns-roi-meaning = 每投入一元的利润：25% 表示每投入 100 收回 125；低于 0% 即亏损。
campaigns-break-even-meaning = 利润为零时的增量：每 100 位目标客户至少要多出这么多买家，活动才不亏。
campaigns-cost-per-contact-meaning = 发送一条消息（短信、邮件、广告）的成本，以你的货币计。
campaigns-incentive-meaning = 折扣或优惠，按所有使用者订单金额的比例计算。
campaigns-gross-margin-meaning = 订单金额扣除商品成本后剩下的比例。
campaigns-redeem-meaning = 不做活动也会购买的目标客户中，仍然使用优惠的比例（100%：全部使用，最保守的假设）。
campaigns-buy-anyway-rate-meaning = 不做活动也会购买的目标客户比例（即对照组的购买率），取值 0% 到 100%。
campaigns-uplift-meaning = 因活动而额外购买的目标客户比例，以百分点计；通常为几个百分点。
campaigns-aov-meaning = 一笔订单的平均金额。
campaigns-rfm-group-meaning = 按最近一次购买、购买频次和消费额（RFM）给客户分组，例如“重要价值客户”或“流失风险客户”。
campaigns-churn-risk-meaning = 客户不再购买的可能性：低、中或高，来自购买倾向模型。
campaigns-score-range-meaning = 评分（购买倾向、客户价值、订单数、消费额等）介于两个值之间的客户。
campaigns-response-meaning = 统计期间内组中购买过的客户比例。
campaigns-revenue-per-customer-meaning = 统计期间内该组的营收除以该组客户数（无论是否购买）。
campaigns-ci = 差值（95% 置信区间）
campaigns-ci-meaning = 目标组减对照组，以及真实差值 20 次中有 19 次落入的范围；范围不包含 0 时，差值不是偶然（显著）。
campaigns-response-difference = 响应率
campaigns-response-difference-meaning = 目标组响应率减对照组响应率，以百分点计：活动带来的提升。
campaigns-revenue-difference = 人均营收
campaigns-revenue-difference-meaning = 目标组人均营收减对照组人均营收：活动为每位触达客户多带来的营收。

# 结果对营销活动意味着什么（ui::campaigns::sentences）。
campaigns-says-nobody = 没有客户会被触达：请移除一个条件或放宽范围。
campaigns-says-pays = 触达这 { $targets } 位目标客户，预计带来 { $orders } 笔新增订单和 { $profit } 利润。
campaigns-says-loses = 触达这 { $targets } 位目标客户，预计带来 { $orders } 笔新增订单，但亏损 { $loss }；增量达到 { $break_even } 才能盈利。
campaigns-says-never-pays = 触达这 { $targets } 位目标客户，预计亏损 { $loss }：优惠成本高于毛利，任何增量都无法盈利；请降低优惠力度。
campaigns-curve-says-all = 名单上每位目标客户都带来利润：全部 { $count } 位都发送，预计带来 { $orders } 笔新增订单和 { $profit } 利润。
campaigns-curve-says-top = 按{ $column }发送给前 { $count } 位（至少 { $threshold }），预计带来 { $orders } 笔新增订单和 { $profit } 利润；再往后每多发一位，成本都高于收益。
campaigns-curve-says-top-loses = 按{ $column }发送给前 { $count } 位（至少 { $threshold }），预计带来 { $orders } 笔新增订单和 { $profit } 利润；再往后每多发一位，成本都高于收益，超过 { $loses } 位后整体亏损。
campaigns-readout-says-too-few = 每组客户太少，无法判断活动是否有效：请发送给更多客户，或留出更大的对照组。
campaigns-readout-says-worked = 活动有效：目标组的购买率比对照组高 { $diff }，这不是偶然。
campaigns-readout-says-worked-money = 活动有效：目标组的购买率比对照组高 { $diff }，人均多带来 { $revenue } 营收，这不是偶然。
campaigns-readout-says-harmed = 目标组的购买率比对照组低 { $diff }：活动可能让客户反感。
campaigns-readout-says-unclear = 暂无明确效果：与对照组 { $diff } 的差值可能只是偶然；请等待更多订单，或发送给更多客户。

# 收益曲线（ui::campaigns::curve_view）。
campaigns-axis-profit = 预期利润
campaigns-series-profit = 预期利润
campaigns-series-best = 利润最高
campaigns-curve-hover = 按{ $column }取前 { $count } 位（至少 { $threshold }）
    预期利润：{ $profit }
    ROI：{ $roi }
campaigns-curve-hover-at = 触达 { $count } 位客户
    预期利润：{ $profit }
