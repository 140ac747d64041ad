# “用户行为”标签页：RFM 分组、同期群留存、事件转化漏斗、复购。

behaviour-heading = 用户行为
behaviour-needs-orders = 请加载订单文件以查看客户行为：RFM 分组、同期群、转化漏斗和复购。
behaviour-stopped = 用户行为分析已中止
behaviour-cancelled = 已取消。点击“重新计算”即可运行分析。
behaviour-error = { $what }：{ $error }
behaviour-open-data = 打开“数据”标签页

# 分析日期、重新计算和取消。
behaviour-analysis-date = 分析日期：
behaviour-analysis-date-hover = RFM 的最近购买间隔计算到这一天；此后的购买不计入。
behaviour-date-default = { $date }（默认）
behaviour-date-hint = 最后一次购买的次日
behaviour-apply = 应用
behaviour-bad-date = 请按“年-月-日”格式填写分析日期，例如 2024-06-30。
behaviour-recompute = 重新计算
behaviour-recompute-hover = 重新运行全部用户行为分析
behaviour-cancel = 取消
behaviour-cancel-hover = 停止用户行为分析

# 筛选行：日期、品类、分群。
behaviour-filter-from = 开始日期：
behaviour-filter-to = 结束日期：
behaviour-filter-dates-hover = 只统计这些日期内（含首尾）的订单行；留空表示不限。
behaviour-filter-date-hint = 年-月-日
behaviour-filter-apply = 应用筛选
behaviour-filter-clear = 清除筛选
behaviour-filter-clear-hover = 重新使用全部订单行
behaviour-filter-bad-range = 请按“年-月-日”格式填写日期（均可留空），且开始日期不晚于结束日期。
behaviour-filter-lines-kept = 以下数字使用了 { $all } 条订单行中的 { $kept } 条（{ $filter }）。
behaviour-filter-between = { $from } 至 { $to }
behaviour-filter-since = { $from } 起
behaviour-filter-until = 截至 { $to }
behaviour-filter-categories = { $count } 个品类
behaviour-filter-all-lines = 全部订单行
behaviour-list = { $first }，{ $rest }
behaviour-categories-all = 品类：全部
behaviour-category-one = 品类：{ $category }
behaviour-categories-count = 品类：{ $count } 个
behaviour-all-categories = 全部品类
behaviour-all-customers = 全部客户
behaviour-segment-title = 分群：{ $segment }
behaviour-segment-choice = { $name }（{ $count } 位客户）
behaviour-segment-label = 分群 { $id }：{ $name }
behaviour-segment-hover = 只看“客户分群”标签页中某一个分群的客户
behaviour-segment-needs = 请先运行客户分群
behaviour-segment-needs-hover = 先在“客户分群”标签页计算分群，才能按分群筛选。

# RFM 分组。
behaviour-rfm-title = RFM 分组
behaviour-rfm-rule = 每位客户按在全部客户中的排名，得到最近购买、购买频次和消费金额三项 1 至 5 分（5 分 = 最近购买、订单最多、消费最多）。分组由最近购买和购买频次两项得分决定。
behaviour-rfm-rule-without-money = 每位客户按在全部客户中的排名，得到最近购买和购买频次两项 1 至 5 分（5 分 = 最近购买、订单最多）；分组由这两项得分决定。没有消费金额得分：订单中没有价格或金额。
behaviour-rfm-filtered = 已筛选：排名只在筛选后保留的客户之间比较。
behaviour-rfm-error = RFM
behaviour-rfm-scored = 已为 { $count } 位客户评分，最近购买间隔计算到 { $date }。
behaviour-rfm-empty = 分析日期之前没有客户购买。
behaviour-rfm-group = 分组
behaviour-rfm-customers = 客户数
behaviour-rfm-share = 占比
behaviour-rfm-revenue-share = 销售额占比
behaviour-rfm-customers-per-group = 各分组客户数
behaviour-rfm-revenue-per-group = 各分组销售额
behaviour-revenue = 销售额
behaviour-group-champions = 核心客户
behaviour-group-loyal = 忠诚客户
behaviour-group-potential-loyalists = 潜力客户
behaviour-group-new = 新客户
behaviour-group-at-risk = 流失风险客户
behaviour-group-cant-lose-them = 重要挽留客户
behaviour-group-hibernating = 沉睡客户
behaviour-group-lost = 已流失客户

# 同期群留存。
behaviour-cohorts-title = 同期群留存
behaviour-cohorts-explanation = 按首次购买的月份把客户分成同期群；每个格子是该同期群中在之后某个月再次购买的客户占比（悬停查看数字）。
behaviour-cohorts-error = 同期群
behaviour-cohorts-empty = 没有带日期和客户 ID 的购买记录，无法分出同期群。
behaviour-cohorts-by-share = 活跃客户占比
behaviour-cohorts-header = 同期群（客户数）
behaviour-cohort-hover = 同期群 { $month }（{ $size } 位客户），第 +{ $offset } 个月
behaviour-cohort-hover-active = { $active } 位活跃（{ $share }）
behaviour-hover-revenue = 销售额 { $amount }

# 转化漏斗。
behaviour-funnel = 转化漏斗
behaviour-funnel-explanation = 根据行为事件统计浏览、加购和购买的客户。
behaviour-funnel-explanation-segment = 根据行为事件统计浏览、加购和购买的客户。仅含“{ $segment }”的事件。
behaviour-needs-events = 转化漏斗需要行为事件文件（浏览、加购、购买）：请在“数据”标签页打开一个。
behaviour-funnel-source = 数据来自 { $file }。
behaviour-funnel-step = 步骤
behaviour-funnel-users = 用户数
behaviour-conversion = 转化率
behaviour-funnel-events = 事件数
behaviour-funnel-unmatched = 另有 { $count } 个其他类型的事件不在漏斗中。
behaviour-step-view = 浏览
behaviour-step-cart = 加购
behaviour-step-purchase = 购买
behaviour-dropoff-title = 浏览后流失的商品
behaviour-dropoff-none = 没有哪个商品的转化率明显低于全店整体水平。
behaviour-dropoff-error = 流失商品
behaviour-dropoff-explanation = 流失浏览：按全店整体转化率本应进入下一步、实际却没有的浏览次数。
behaviour-dropoff-item = 商品
behaviour-dropoff-views = 浏览数
behaviour-dropoff-next = 下一步
behaviour-dropoff-lost = 流失浏览

# 复购。
behaviour-repeat = 复购
behaviour-repeat-explanation = 有多少客户回购、隔多久回购，以及哪些商品卖得好。
behaviour-one-time-buyers = 一次性购买客户：
behaviour-one-time-figures = { $customers } 位客户中有 { $buyers } 位（{ $share }）。
behaviour-median-gap = 购买间隔中位数：
behaviour-repeat-none = 没有复购
behaviour-repeat-gaps = 购买间隔天数
behaviour-gap-range = { $from }～{ $to } 天
behaviour-gap-open = { $from } 天及以上
behaviour-top-by-revenue = 按销售额排行
behaviour-top-by-buyers = 按购买人数排行
behaviour-top-product = 商品
behaviour-top-no-product = 没有可排行的商品列。
behaviour-top-category = 品类
behaviour-top-no-category = 没有可排行的品类列。
behaviour-top-buyers = 购买人数
behaviour-trend-revenue = 净销售额趋势
behaviour-trend-orders = 订单数趋势
behaviour-by-week = 按周
behaviour-by-month = 按月
behaviour-partial-week = { $start } 起的这一周未计入：数据止于 { $last }，早于这一周结束，计入的话合计会像是下滑。
behaviour-partial-month = { $start } 起的这个月未计入：数据止于 { $last }，早于这个月结束，计入的话合计会像是下滑。
behaviour-trend-empty = 没有带日期购买记录的完整周期。
behaviour-trend-net-revenue = 净销售额
behaviour-trend-orders-line = 订单数
behaviour-trend-week-of = { $day } 起的一周
behaviour-trend-month-of = { $day } 起的一个月
behaviour-hover-orders = 订单数 { $count }

# 缺少的输入。
behaviour-dropoff-needs-items = 要找出浏览后流失的商品，事件文件需要商品列：请映射一列，或加载带商品的事件文件。

# 悬停时的通俗解释。
behaviour-rfm-meaning = RFM 按最近购买（多久前买过）、购买频次（买了几次）和消费金额（花了多少）给每位客户打分，再把相似的客户归入有名字的分组。
behaviour-scores = 得分：
behaviour-recency = 最近购买
behaviour-recency-meaning = 距上次购买的天数，按排名打 1 至 5 分；5 分 = 最近买过。
behaviour-frequency = 购买频次
behaviour-frequency-meaning = 客户下单的次数，按排名打 1 至 5 分；5 分 = 订单最多。
behaviour-monetary = 消费金额
behaviour-monetary-meaning = 客户累计花费的金额，按排名打 1 至 5 分；5 分 = 花得最多。
behaviour-rfm-share-meaning = 该分组的客户占全部已评分客户的比例。
behaviour-rfm-revenue-share-meaning = 该分组的净销售额占全部已评分客户净销售额的比例。
behaviour-group-champions-meaning = 最近买过且常买（最近购买 5 分，频次 4～5 分）：最好的客户。
behaviour-group-loyal-meaning = 常买且较近买过（最近购买 3～4 分，频次 4～5 分）。
behaviour-group-potential-loyalists-meaning = 最近买过几次（最近购买 4～5 分且频次 2～3 分，或两项都是 3 分）：有望成为忠诚客户。
behaviour-group-new-meaning = 最近第一次购买（最近购买 4～5 分，频次 1 分）。
behaviour-group-at-risk-meaning = 以前买得较多，但最近没买（最近购买 1～2 分，频次 3～4 分）。
behaviour-group-cant-lose-them-meaning = 买得最多，但最近没买（最近购买 1～2 分，频次 5 分）：最值得先挽回。
behaviour-group-hibernating-meaning = 买得不多，且已有一段时间没买（最近购买 2～3 分，频次 1～2 分）。
behaviour-group-lost-meaning = 很久以前买过一两次（最近购买 1 分，频次 1～2 分）。
behaviour-cohorts-meaning = 同期群是首次购买在同一个月的客户；留存率是其中在之后某个月再次购买的客户占比。
behaviour-retention-meaning = 留存率：同期群中在该月购买的客户占比；第 0 个月总是 100%，之后的月份越高越好。
behaviour-cohorts-months-since = 首次购买后的月数
behaviour-funnel-meaning = 有多少客户从浏览商品走到加购、再到购买；每一步都会少一些人。
behaviour-funnel-users-meaning = 在这一步及之前每一步都有事件的不同客户数。
behaviour-conversion-meaning = 上一步的客户中也走到这一步的比例；越高越好。
behaviour-dropoff-conversion-meaning = 该商品的浏览中接着进入下一步的比例；越高越好。
behaviour-repeat-meaning = 在之前的订单之后再次购买的客户；回购的人越多，每笔订单的获客成本越低。
behaviour-one-time-meaning = 到目前只购买过一次的客户占全部客户的比例；越低越好。
behaviour-median-gap-meaning = 一半的复购发生在距该客户上一次购买的这段时间之内，另一半更晚。
behaviour-buyers-meaning = 购买过它的不同客户数。

# 图表坐标轴。
behaviour-axis-rfm-group = RFM 分组
behaviour-axis-customers = 客户数
behaviour-axis-revenue = 销售额
behaviour-axis-funnel-step = 漏斗步骤
behaviour-axis-gap = 购买间隔天数
behaviour-axis-repeat-purchases = 复购次数
behaviour-axis-week = 周（首日）
behaviour-axis-month = 月份
behaviour-axis-revenue-in = 销售额（{ $symbol }）
behaviour-axis-net-revenue-in = 净销售额（{ $symbol }）
behaviour-axis-orders = 订单数
behaviour-axis-net-revenue = 净销售额

# 每项结果对营销活动意味着什么。
behaviour-advice-rfm-champions = { $count } 位核心客户（占客户的 { $share }）贡献了 { $revenue } 的销售额：用抢先体验和感谢留住他们，而不是打折。
behaviour-advice-rfm-champions-no-money = { $count } 位核心客户（占客户的 { $share }）最近买过且买得最多：用抢先体验和感谢留住他们，而不是打折。
behaviour-advice-rfm-lapsing = { $count } 位以前常买的客户已不再购买（占客户的 { $share }，销售额的 { $revenue }）：趁他们还没流失，现在就用专属优惠把他们找回来。
behaviour-advice-rfm-lapsing-no-money = { $count } 位以前常买的客户已不再购买（占客户的 { $share }）：趁他们还没流失，现在就用专属优惠把他们找回来。
behaviour-advice-rfm-largest = 还没有核心客户或正在流失的常客；最大的分组是“{ $group }”（占客户的 { $share }）：营销活动可以从这里开始。
behaviour-advice-cohort-too-early = 数据中还没有哪个同期群有第二个月，暂时无法比较回购率。
behaviour-advice-cohort-single = { $month } 同期群中有 { $share } 在首次购买后的下一个月再次购买：在第一个月发放二次购买优惠可以提高这一比例。
behaviour-advice-cohort-below = 最新同期群（{ $month }）中有 { $share } 在首次购买后的下一个月再次购买，之前的同期群为 { $average }：他们回购更少，请在第一个月给他们发放二次购买优惠。
behaviour-advice-cohort-above = 最新同期群（{ $month }）中有 { $share } 在首次购买后的下一个月再次购买，之前的同期群为 { $average }：带来这批客户的做法有效，请继续使用这个渠道和优惠。
behaviour-advice-cohort-same = 最新同期群（{ $month }）中有 { $share } 在首次购买后的下一个月再次购买，与之前同期群的 { $average } 持平：第一个月的二次购买优惠是提升它的关键。
behaviour-advice-funnel-empty = 没有客户走到第一步，漏斗暂时说明不了什么。
behaviour-advice-funnel-no-loss = 开始的客户走完了每一步：没有哪一步流失客户。
behaviour-advice-funnel-cart = 流失最多的是从“{ $from }”到“{ $to }”：只有 { $share } 继续（流失 { $lost } 位客户）；更清楚的商品页、价格或首单优惠券会有帮助。
behaviour-advice-funnel-purchase = 流失最多的是从“{ $from }”到“{ $to }”：只有 { $share } 继续（流失 { $lost } 位客户）；一天之内的购物车提醒会有帮助。
behaviour-advice-funnel-other = 流失最多的是从“{ $from }”到“{ $to }”：只有 { $share } 继续（流失 { $lost } 位客户）；请先改进这一步。
behaviour-advice-repeat-none = 还没有客户买过第二次：第一个要做的营销活动是给每位买家发放二次购买优惠。
behaviour-advice-repeat-one-time = { $share } 的客户只买过一次：在首单后约 { $days }、也就是复购客户通常回来的时候，发放二次购买优惠。
behaviour-advice-repeat-returning = 多数客户会回购（只买过一次的占 { $share }），通常间隔 { $days }：在那时提醒他们，可以让他们继续购买。
