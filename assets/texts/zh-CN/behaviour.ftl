# “用户行为”标签页：RFM 分组、同期群留存、事件转化漏斗、复购。

behaviour-heading = 用户行为
behaviour-needs-orders = 请加载订单文件以查看客户行为：RFM 分组、同期群、转化漏斗和复购。
behaviour-stopped = 用户行为分析已中止
behaviour-cancelled = 已取消。点击“重新计算”即可运行分析。
behaviour-error = { $what }：{ $error }

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
behaviour-cohorts-revenue = 各同期群销售额
behaviour-cohorts-header = 同期群（客户数）
behaviour-cohort-hover = 同期群 { $month }（{ $size } 位客户），第 +{ $offset } 个月
behaviour-cohort-hover-active = { $active } 位活跃（{ $share }）
behaviour-hover-revenue = 销售额 { $amount }

# 转化漏斗。
behaviour-funnel = 转化漏斗
behaviour-funnel-explanation = 根据行为事件统计浏览、加购和购买的客户。
behaviour-funnel-explanation-segment = 根据行为事件统计浏览、加购和购买的客户。仅含“{ $segment }”的事件。
behaviour-needs-events = 请加载行为事件文件以查看转化漏斗。
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
behaviour-repeat-summary = 一次性购买客户：{ $customers } 位客户中有 { $buyers } 位（{ $share }）。购买间隔中位数：{ $median }。
behaviour-repeat-none = 没有复购
behaviour-days = { $days } 天
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
behaviour-trend-orders = 订单数趋势（没有价格或金额列，因此没有销售额）
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
