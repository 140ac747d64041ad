# 客服文本：意图、情感和回复模型的错误。

service-intent-model = 意图模型
service-sentiment-model = 情感模型
service-labels-mismatch = { $messages } 条消息有 { $labels } 个标注：每条消息给一个标注（或不标注）。
service-needs-two-intents = 请至少为两种不同的意图标注消息；目前有 { $found } 种。
service-too-few-labels = 意图“{ $intent }”只有 { $labelled } 条已标注的消息：每种意图至少标注 { $min } 条。
service-calibration = 用星级评分校准
service-needs-both-ratings = 需要 4 星或 5 星的评价，也需要 1 星或 2 星的评价；现在分别有 { $high } 条和 { $low } 条。
