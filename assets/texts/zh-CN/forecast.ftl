# 销售预测标签页（ui::forecast_panel、ui::forecast）。

forecast-title = 销售预测
forecast-empty = 请加载订单文件来预测销售额，或加载汇总序列（一个日期列和一个数值列，例如月度销售报表）。
forecast-stopped = 预测已中止
forecast-cancelled = 已取消。点击“重新运行”再次预测。
forecast-partial-period = 从 { $day } 开始的最后一期不完整，未计入历史数据。
forecast-no-series = 没有可显示的序列。

# 运行设置。
forecast-source = 数据来源
forecast-source-orders = 订单明细
forecast-period = 周期
forecast-freq-daily = 按日
forecast-freq-weekly = 按周
forecast-freq-monthly = 按月
forecast-measure = 指标
forecast-measure-revenue = 销售额
forecast-measure-orders = 订单数
forecast-measure-units = 销量（件）
forecast-measure-active-customers = 活跃客户数
forecast-measure-value = 数值
forecast-series = 序列
forecast-by-shop = 全店
forecast-by-category = 按品类
forecast-by-top-items = 前 { $count } 个商品
forecast-by-segment = 按客户分群
forecast-by-segment-hover = 每个客户分群一条序列，使用“客户分群”标签页的设置（需要时先计算分群）
forecast-segmenting-first = 正在先对客户分群…
forecast-items = 商品数：
forecast-items-hover = 按净销售额取前多少个商品
forecast-horizon = 预测期数：
forecast-horizon-hover = 要预测的期数，也是回测的预测长度
forecast-model = 模型
forecast-choice-auto = 自动（回测最优）
forecast-choice-ets = ETS 系列
forecast-choice-naive = 仅朴素预测
forecast-choice-seasonal-naive = 仅季节性朴素预测
forecast-choice-ets-simple = 简单指数平滑
forecast-choice-ets-holt = Holt（趋势）
forecast-choice-ets-damped = Holt，阻尼趋势
forecast-choice-holt-winters-additive = Holt-Winters 加法模型
forecast-choice-holt-winters-multiplicative = Holt-Winters 乘法模型
forecast-choice-mstl = MSTL（多重季节性）
forecast-choice-theta = θ 法（平滑水平加趋势）
forecast-choice-combination = 组合（最佳三个模型的平均）
forecast-cancel = 取消
forecast-cancel-hover = 停止预测（在两个回测折之间停止）
forecast-run-again = 重新运行
forecast-run-again-hover = 用这些设置重新预测

# 多条序列的明细。
forecast-breakdown = 明细
forecast-breakdown-explanation = 点击表头排序，点击序列在图表中查看。
forecast-growth-meaning = 增长 %：预测合计与上一季同期相比（周数据比去年同周，日数据比上周同一天），因此季节性低谷与上一季的低谷相比。标记 *：历史不足一季，改为与最近几期相比。
forecast-total = 预测合计
forecast-growth = 增长 %
forecast-mase = MASE
forecast-sorted-desc = { $column } ↓
forecast-sorted-asc = { $column } ↑
forecast-click-to-sort = 点击排序。
forecast-sort-by = 按{ $column }排序
forecast-show-series-hover = 在图表中显示这条序列
forecast-cannot-forecast = 无法预测

# 图表和候选模型表。
forecast-chart-title = { $measure }：{ $series }
forecast-chart-explanation = 阴影：80% 和 95% 预测区间，不能为负的销售数据在零处截断。拖动可平移，滚动可缩放，双击可复原。旁边的表格按历史回测为每个模型打分。
forecast-show-backtest = 显示回测
forecast-show-backtest-hover = 在每个回测折留出的历史数据上画出该折的预测
forecast-line-history = 历史
forecast-line-forecast = 预测
forecast-line-backtest = 回测
forecast-band-95 = 95% 预测区间
forecast-band-80 = 80% 预测区间
forecast-no-forecast = 这条序列没有预测
forecast-backtest-folds = { $folds } 折，每折 { $periods } 期，季节长度 { $season } 期
forecast-model-header = 模型
forecast-smape = sMAPE
forecast-mape = MAPE
forecast-rmse = RMSE
forecast-chosen = 已选用
forecast-baseline = 基准
forecast-not-scored-short = 未评分
forecast-not-scored = { $model } 未评分：{ $error }。
forecast-mase-undefined = MASE 需要每个回测折之前有超过一季（{ $season } 期）的历史：现改按平均绝对误差为模型排序。

# 假设情景。
forecast-scenarios = 假设情景
forecast-scenarios-explanation = 每个情景都会改变图中序列的基准预测；多个情景可并排比较。
forecast-scenarios-need-forecast = 假设情景需要先有预测。
forecast-add-promotion = 添加促销
forecast-add-price-change = 添加调价
forecast-add-campaign = 添加营销活动
forecast-promotion = 促销
forecast-price-change = 调价
forecast-campaign = 营销活动
forecast-scenario-name = { $kind } { $number }
forecast-scenario-name-label = 情景名称：
forecast-remove = 删除
forecast-add-scenario-hint = 添加一个情景，与基准预测对比。
forecast-starts-in-period = 开始于第几期
forecast-lasts = 持续期数：
forecast-uplift = 提升 %：
forecast-dip-after = 之后回落 %：
forecast-dip-periods = 回落期数：
forecast-from-period = 从第几期起
forecast-price-change-pct = 价格变动 %：
forecast-elasticity = 价格弹性：
forecast-elasticity-hover = 价格每变动 1%，销量变动的百分比
forecast-elasticity-revenue-hover = 价格每变动 1%，销量变动的百分比；销售额还会随价格变动
forecast-in-period = 在第几期
forecast-customers-reached = 触达客户数：
forecast-response-rate = 响应率 %：
forecast-average-order-value = 客单价：
forecast-responder-adds-order = 每位响应客户增加 1 笔订单
forecast-responder-adds-customer = 每位响应客户增加 1 位活跃客户
forecast-responder-adds-units = 每位响应客户增加 { $units } 件（全店每单平均件数）
forecast-line = 曲线
forecast-total-of = { $measure }合计
forecast-difference = 预测期内差额
forecast-difference-pct = 差额 %
forecast-baseline-line = 基准

# 导出。
forecast-export = 导出
forecast-export-explanation = 每条序列的预测及其区间和每条情景线，每期一行，序列按明细表的顺序，数字如屏幕所示保留 2 位小数。
forecast-export-hover = 每条序列及其区间和每条情景线
forecast-export-writes = 写入 { $rows } 行：{ $series } 条序列的预测
forecast-export-writes-scenarios = 写入 { $rows } 行：{ $series } 条序列的预测和 { $lines } 条情景线

# 表格中的模型和序列名称（ui::forecast::model_label、series_label）。
forecast-model-naive = 朴素预测
forecast-model-seasonal-naive = 季节性朴素预测
forecast-model-ets-simple = 简单指数平滑
forecast-model-ets-holt = Holt 趋势
forecast-model-ets-damped = Holt 阻尼趋势
forecast-model-holt-winters-additive = Holt-Winters 加法
forecast-model-holt-winters-multiplicative = Holt-Winters 乘法
forecast-model-mstl = MSTL 多重季节分解
forecast-model-theta = θ 法
forecast-model-combination = 组合预测
forecast-series-shop = 全店
forecast-not-scored-too-short = 需要 { $needed } 期历史数据；最早的回测折只有 { $got } 期（序列共 { $length } 期）：增加历史数据或减少回测折数即可评分
forecast-combination-too-few = 需要另外三个能预测该序列的模型
forecast-combination-members = { $model }：{ $first }、{ $second }、{ $third } 的平均值（回测中最好的三个模型；每个回测折只平均在它之前表现最好的三个）
forecast-contest-combination = 为什么用组合：在回测第 2 到第 { $last } 折，组合的平均误差 MASE 为 { $combination }，而每折选用此前表现最好的单个模型时为 { $selection }。按回测挑一个模型，容易挑中碰巧表现好的那个；这里平均值更稳。
forecast-contest-single = 为什么用单个模型：在回测第 2 到第 { $last } 折，每折选用此前表现最好的单个模型，平均误差 MASE 为 { $selection }，而组合为 { $combination }。


# 图表坐标轴和各术语的通俗解释（悬停显示）。
forecast-axis-day = 日期
forecast-axis-week = 周（起始日）
forecast-axis-month = 月（起始日）
forecast-intervals = 80% / 95% 预测区间
forecast-intervals-meaning = 阴影带：实际数字每 100 次中有 80 次落在深色带内，95 次落在浅色带内；带越宽，预测越不确定。
forecast-backtest = 回测
forecast-backtest-meaning = 每个模型预测它没见过的过去几期，再与实际发生的数字比较。若在后面几折中组合胜过挑选单个模型，就用组合；否则选用误差最小的模型。
forecast-mase-meaning = 与简单重复上一季相比的预测误差；低于 1 即优于重复上一季。
forecast-smape-meaning = 平均偏差占实际值与预测值的比例，取值 0% 到 200%；越低越好，低于 20% 即良好。
forecast-mape-meaning = 平均偏差占实际值的比例；越低越好，某些期几乎没有销售时不可靠。
forecast-rmse-meaning = 偏差的典型大小，单位与预测相同（销售额即金额），大的偏差权重更高；越低越好。
forecast-growth-short-meaning = 预测合计比上一季同期增加或减少多少；高于 0% 即增长。
forecast-model-naive-meaning = 每个未来期都重复最近一期的数字。
forecast-model-seasonal-naive-meaning = 重复上一季同一期的数字（例如去年同一周）。
forecast-model-ets-simple-meaning = 指数平滑（ETS）：越近的期权重越大的平均，不含趋势。
forecast-model-ets-holt-meaning = 带趋势的指数平滑（ETS），趋势按原速度延续。
forecast-model-ets-damped-meaning = 带阻尼趋势的指数平滑（ETS）：增长或下降逐渐趋于平稳。
forecast-model-holt-winters-additive-meaning = 趋势加上每季大小不变的季节性规律。
forecast-model-holt-winters-multiplicative-meaning = 趋势加上随销售水平同比例放大或缩小的季节性规律。
forecast-model-mstl-meaning = MSTL：分离出多个季节性规律（如每周和每年），其余部分用阻尼趋势预测。
forecast-model-theta-meaning = θ 法：平滑后的近期水平加上长期直线趋势的一部分，比例按历史拟合选定；有季节性时先去除季节。
forecast-model-combination-meaning = 组合：回测中表现最好的三个模型的平均值；平均值的误差通常比任何单个模型都小。
forecast-choice-auto-meaning = 在回测中为每个模型打分；若组合胜过挑选单个模型就用组合，否则选用误差（MASE）最小的模型。
forecast-choice-ets-meaning = 选用回测误差最小的指数平滑（ETS）模型。

# 结果卡片的句子（ui::forecast::outlook）。
forecast-noun-revenue = 销售额
forecast-noun-orders = 订单数
forecast-noun-units = 销量
forecast-noun-active-customers = 活跃客户数
forecast-noun-value = 数值
forecast-unit-day = 天
forecast-unit-week = 周
forecast-unit-month = 个月
forecast-amount = { $count } { $unit }
forecast-when = 未来 { $count } { $unit }
forecast-compared-previous = 之前 { $count } { $unit }
forecast-compared-last-year = 去年的同一{ $unit }
forecast-compared-last-week = 上周的同一{ $unit }
forecast-compared-earlier = { $earlier }前的同一{ $unit }
forecast-outlook-rise = 预测{ $when }的{ $measure }比{ $compared }增长 { $size }。
forecast-outlook-fall = 预测{ $when }的{ $measure }比{ $compared }下降 { $size }。
forecast-outlook-level = 预测{ $when }的{ $measure }与{ $compared }基本持平。
forecast-outlook-total = 预测{ $when }的{ $measure }为 { $total }，没有更早的数字可供比较。
forecast-outlook-spike = { $sentence }但最近 { $recent }是此前 { $before }常规水平的 { $ratio } 倍：如果那是一次性促销，这个预测就偏高了。请查看回测或添加情景。
forecast-scenario-gain = { $scenario }使{ $when }的{ $measure }增加 { $amount }（比不做该情景的预测 { $share }）。
forecast-scenario-loss = { $scenario }使{ $when }的{ $measure }减少 { $amount }（比不做该情景的预测 { $share }）。
forecast-scenario-none = { $scenario }不改变预测。
forecast-scenario-best-of = { $count } 个情景中最好的：{ $sentence }

# 预测缺少的数据（ui::forecast::prerequisite）。
forecast-needs-money = 销售额预测需要价格或金额列，而这些订单两者都没有：请在“数据”页映射其中一列，或在上方选择“订单数”作为指标。
forecast-needs-history = 预测{ $when }至少需要 { $needed }的历史数据，而现有数据只有 { $got }：请在“数据”页加载历史更长的文件，或在上方缩短预测期数、选择更细的周期。
forecast-open-data = 打开“数据”页
