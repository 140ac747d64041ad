# 客户之声：客服消息与商品评价（analysis::voice）。

voice-what = 读取客服消息和商品评价
voice-needs-files = 请先加载客服消息文件（客户、时间、消息内容）或商品评价文件（商品、评价内容）。
