# 商品推荐标签页：模型设置、每位客户的推荐列表、评估报告、关联购买规则。

recommend-heading = 商品推荐
recommend-no-orders = 请加载订单文件或评分文件，即可为客户推荐商品。
recommend-fit-stopped = 训练已中止：{ $error }
recommend-fit-cancelled = 已取消。点击“训练模型”即可获得推荐。
recommend-per-customer = 按客户查看
recommend-per-customer-note = 该客户的推荐商品及每件的推荐理由，旁边是其购买记录。
recommend-per-item = 按商品查看
recommend-per-item-note = 在已训练模型下与所选商品相似的商品，以及在同一订单中一起购买的商品。
recommend-report-card = 评估报告
recommend-report-card-note = 每个模型对未见过的购买能预测得多准。
recommend-bought-together = 关联购买
recommend-bought-together-ratings-note = 在同一订单中一起购买的商品，以及客户下一次会买什么。
recommend-rules-need-orders = 推荐是从评分文件学习的，而评分文件没有订单：请在“数据”标签页移除它，才能看到订单的关联规则和下一次购买。
recommend-bought-together-note = 来自订单购物篮的关联规则（FP-growth）：订单中含有前面商品的客户也买了后面的商品。提升度大于 1 表示比随机情况更常一起购买。
recommend-buy-next = 客户下一次买什么
recommend-buy-next-note = 从一笔订单到该客户下一笔订单最常见的变化。

# 模型及其设置。
recommend-model = 模型
recommend-model-popular = 热门商品
recommend-model-item-knn = 相似商品（item-kNN）
recommend-model-user-knn = 相似客户（user-kNN）
recommend-model-als = 矩阵分解（ALS）
recommend-model-history = 购买历史
recommend-model-blend = 混合推荐
recommend-model-popular-note = 购买最多的商品：作为基准，也用于新客户的冷启动补位
recommend-model-item-knn-note = 与客户买过的商品相似（余弦相似度）的商品
recommend-model-user-knn-note = 最相似的客户买过的商品
recommend-model-als-note = 隐式矩阵分解（ALS），置信度 1 + α·订单数（或评分）
recommend-model-history-note = 客户自己买得最多的商品（适合复购型店铺）
recommend-model-blend-note = 客户购买历史与 item-kNN 的混合
recommend-neighbours = 近邻数：
recommend-factors = 因子数：
recommend-iterations = 迭代次数：
recommend-history-weight = 历史权重：
recommend-items-per-customer = 每位客户推荐数：
recommend-exclude-seen = 排除已购商品
recommend-exclude-seen-hover = 不推荐客户之前买过的商品
recommend-fit-validate = 通过验证选择训练参数
recommend-fit-validate-hover = 尝试多个近邻数（ALS：因子数和 λ），保留最能预测每位客户最后一次购买的那个；取消勾选则使用输入的值
recommend-fit-again = 重新训练
recommend-fit-model = 训练模型
recommend-cancel = 取消
recommend-cancel-hover = 停止训练（在步骤之间和 ALS 迭代之间停止）
recommend-export-to = 全部推荐列表导出到：
recommend-export-to-hover = .csv 文件（UTF-8 带 BOM，可用 Excel 打开）、.xlsx 或 .parquet 文件
recommend-export = 导出推荐
recommend-export-writes = 写出 { $rows } 行：{ $customers } 位客户各自的推荐列表，与界面显示一致
recommend-feedback-purchases = 购买次数
recommend-feedback-ratings = 显式评分

# 训练和评估报告的进度。
recommend-progress-fitting = 正在训练 { $model }
recommend-progress-scoring = 正在评分 { $model }
recommend-progress-choosing = 正在通过验证选择参数
recommend-progress-validating-item-knn = 正在验证 item-kNN，{ $setting }
recommend-progress-validating-als = 正在验证 ALS，{ $setting }

# 一位客户的购买记录和推荐列表。
recommend-customer-id = 客户 ID：
recommend-show-customer = 查看客户
recommend-customer-prompt = 输入客户 ID（或选择下方提示的 ID）即可查看其推荐。
recommend-no-customer = 没有 ID 为“{ $id }”且有购买记录的客户。请检查 ID 后重试。
recommend-history-bought = { $customer } 买过的商品（{ $count } 件）
recommend-history-rated = { $customer } 评过分的商品（{ $count } 件）
recommend-item = 商品
recommend-rating = 评分
recommend-orders = 订单数
recommend-list-title-excluded = 前 { $top } 个推荐，模型：{ $model }，数据：{ $data }（已排除已购商品）
recommend-list-title-allowed = 前 { $top } 个推荐，模型：{ $model }，数据：{ $data }（包含已购商品）
recommend-nothing-to-recommend = 没有可推荐的商品：所有商品都已购买过或没有得分。
recommend-score = 得分
recommend-why = 推荐理由
recommend-show-item-hover = 查看相似商品和一起购买的商品

# 推荐某件商品的理由。
recommend-reason-popular = 热门商品
recommend-reason-popular-in-segment = 所在分群的热门商品
recommend-reason-bought = 买过 { $items }
recommend-reason-and = { $items }、{ $next }
recommend-reason-bought-before = 之前买过 { $n } 次
recommend-reason-similar-customers = { $n } 位相似客户买过
recommend-reason-predicted-rating = 根据 { $n } 位相似客户预测评分为 { $rating }
recommend-reason-same-category = 与 { $item } 同品类、同价位

# 一件商品的相似商品。
recommend-similar-to = 与 { $item } 相似
recommend-no-similarity = { $model } 模型没有商品相似度：请训练 item-kNN、混合或 ALS 模型后查看。
recommend-similarity = 相似度
recommend-bought-with = 与 { $item } 一起购买
recommend-no-rule-for-item = 没有规则：该商品与其他商品一起购买的次数不够多。

# 评估报告。
recommend-protocol = 评估方式
recommend-split-leave-last-out = 留出最后一次购买（leave-last-out）
recommend-split-time-80-20 = 按时间 80/20（time-80-20）
recommend-split-last-basket = 留出最后一单（last-basket）
recommend-split-leave-last-out-note = 留出每位客户的最后一次购买
recommend-split-time-80-20-note = 留出每位客户最后 20% 的购买（按时间）
recommend-split-last-basket-note = 留出每位客户的最后一笔订单
recommend-k = K：
recommend-report-validate = 通过验证选择参数
recommend-report-validate-hover = 根据每位客户在训练数据中的最后一次购买选择 item-kNN 近邻数和 ALS 因子数 / 正则化（绝不使用留出的测试购买）
recommend-run-report = 生成评估报告
recommend-run-report-hover = 在训练部分上训练每个模型，并在留出部分上评分
recommend-cancel-report = 取消评估报告
recommend-report-stopped = 评估报告已中止：{ $error }
recommend-report-prompt = 点击“生成评估报告”，用留出的购买比较各个模型。
recommend-protocol-line-excluded = 评估方式：{ $protocol }（{ $note }），K = { $k }，测试了 { $tested } 位客户，已排除已购商品
recommend-protocol-line-allowed = 评估方式：{ $protocol }（{ $note }），K = { $k }，测试了 { $tested } 位客户，包含已购商品
recommend-precision-at = 精确率@{ $k }
recommend-recall-at = 召回率@{ $k }
recommend-ndcg-at = NDCG@{ $k }
recommend-hit-rate-at = 命中率@{ $k }
recommend-coverage = 覆盖率
recommend-fit-secs = 训练秒数
recommend-recommend-secs = 推荐秒数

# 通过验证选择的参数。
recommend-validation-chosen = 验证选出的参数：{ $summary }
recommend-validation-not-chosen = 未通过验证选择参数：{ $why }
recommend-validation-trial = { $model } { $setting }：NDCG { $ndcg }
recommend-validation-summary = { $settings }（以每位客户在训练数据中的最后一次购买计算 NDCG@{ $k }，{ $customers } 位客户）
recommend-validation-item-knn = item-kNN { $setting }
recommend-validation-als = ALS { $setting }
recommend-validation-join = { $settings }；{ $next }
recommend-setting-neighbours = { $neighbours } 个近邻
recommend-setting-als = { $factors } 个因子，λ { $lambda }
recommend-validation-nothing-to-choose = 只有 item-kNN、混合模型和 ALS 有可选择的参数
recommend-validation-too-few = 有可用于验证的购买的客户少于 { $min } 位：保留原参数

# 关联购买规则。
recommend-min-support = 最小支持度：
recommend-min-support-hover = 包含整条规则的订单所占的最小比例
recommend-min-confidence = 最小置信度：
recommend-min-confidence-hover = 含有前项的订单中同时含有后项的最小比例
recommend-min-lift = 最小提升度：
recommend-min-lift-hover = 大于 1：一起购买的频率高于随机情况
recommend-rules-stopped = 关联规则计算已中止：{ $error }
recommend-rules-found = 来自 { $orders } 笔订单的 { $rules } 条规则（按{ $sort }排序，{ $direction }）。点击表头可排序。
recommend-smallest-first = 从小到大
recommend-largest-first = 从大到小
recommend-export-rules-to = 规则导出到：
recommend-export-rules-to-hover = .csv 文件（可用 Excel 打开）、.xlsx 或 .parquet 文件
recommend-export-rules = 导出规则
recommend-export-rules-writes = 按此顺序写出全部 { $count } 条规则
recommend-export-rules-writes-drawn = 按此顺序写出全部 { $count } 条规则（表格只显示前 { $max } 条）
recommend-rule-bought = 购买了
recommend-rule-also-bought = → 也购买了
recommend-support = 支持度
recommend-confidence = 置信度
recommend-lift = 提升度
recommend-count = 次数
recommend-sorted-asc = { $column }（升序）
recommend-sorted-desc = { $column }（降序）

# 客户下一次买什么。
recommend-level = 层级
recommend-level-items = 商品
recommend-level-categories = 品类
recommend-within-days = 间隔天数上限：
recommend-within-days-hover = 一笔订单与下一笔订单之间最多相隔的天数
recommend-no-transitions = 在当前设置下，没有足够频繁的购买变化。
recommend-after-buying = 购买了
recommend-next-bought = 下一次购买
recommend-times = 次数
recommend-customers = 客户数
recommend-share = 占比
recommend-median-days = 间隔天数中位数
