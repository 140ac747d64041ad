# 客户之声：客服消息与商品评价（analysis::voice）。

voice-what = 读取客服消息和商品评价
voice-needs-files = 请先加载客服消息文件（客户、时间、消息内容）或商品评价文件（商品、评价内容）。
voice-labels-file = 标注文件 { $file }
voice-labels-need-message = 需要一列 "message"（消息文本），以及一列 "intent" 或 "mood"。
voice-labels-need-label = 在 "message" 之外，需要 "intent" 列、"mood" 列（positive 或 negative），或两者都有。
voice-labels-bad-mood = 第 { $row } 行的情绪是 "{ $value }"：请写 positive 或 negative（正面 或 负面），或留空。
