# 客户表中各评分列的含义（ui::glossary）：列标题的悬停提示。

glossary-propensity = 在不做任何营销活动时，该客户在购买倾向窗口期（默认 90 天）内下单的概率：0.30 表示这类客户中每 10 人有 3 人会下单。
glossary-churn-risk = 1 - 购买倾向：窗口期内不下单的概率。高于高风险阈值的客户归入高风险等级。
glossary-risk-bucket = 按“客户价值”页的阈值划分的流失风险等级：低、中或高。
glossary-p-alive = 客户仍会在你这里购买的概率（MBG/NBD 模型）：客户未购买的时间相对其以往的购买频率越长，这个概率越低。客户可能仍然活跃，却不太可能在未来 90 天内下单。
glossary-predicted-purchases = 在 CLV 预测期（默认 365 天）内预计有购买的天数。
glossary-clv = CLV 预测期内的预计消费：预测购买次数 × 每次购买的预计消费（Gamma-Gamma 模型），设置了折现率时按其折现。
glossary-next-order = 该客户再次下单的概率（已计入其可能已流失的情况）达到一半的日期；若在 CLV 预测期内达不到，则显示“N 天内没有”。
