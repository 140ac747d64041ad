# 商品推荐标签页：模型设置、每位客户的推荐列表、评估报告、关联购买规则。

recommend-heading = 商品推荐
recommend-model-what = { $model } 模型读取购物篮和购买顺序，
recommend-rules-what = 关联购买规则
recommend-next-what = 客户下一次买什么
recommend-report-card-what = 评估报告
recommend-summed-note = 汇总的订单只给出每位客户按商品的购买，没有购物篮：热门和 item-kNN 可以从中学习；其他模型、评估报告和关联规则需要订单明细。
recommend-needs-lines-hover = 需要订单明细，而这些订单只做了汇总、没有加载。
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
recommend-model-repeat = 定期复购（按时间）
recommend-model-sasrec = 序列推荐（SASRec）
recommend-model-blend = 混合推荐
recommend-model-popular-note = 热销商品：需要胜过的基准，也推荐给新客户
recommend-model-item-knn-note = 与该客户买过的商品常被同一批客户购买的商品
recommend-model-user-knn-note = 购买记录最相似的客户买过的商品
recommend-model-als-note = 从全部购买中学习潜在偏好（矩阵分解），再为客户匹配商品
recommend-model-history-note = 客户自己买得最多的商品（适合复购型店铺）
recommend-model-repeat-note = 客户自己的商品，按购买次数和最近一次的时间加权，再加上相似客户的复购
recommend-model-sasrec-note = 学习客户购买的先后顺序（对最近商品做自注意力，SASRec），预测下一件商品
recommend-model-blend-note = 定期复购、客户购买历史与 item-kNN 的混合，权重由验证选择
recommend-neighbours = 近邻数：
recommend-factors = 因子数：
recommend-iterations = 迭代次数：
recommend-sasrec-budget = 最长训练时间（秒）：
recommend-sasrec-epochs = 最多轮数：
recommend-history-weight = 历史权重：
recommend-repeat-weight = 复购权重：
recommend-knn-weight = 物品近邻权重：
recommend-blend-weights-hover = 每个部分的得分先按其最高分缩放为 1，再按这些权重混合。开启“通过验证选择训练参数”时，改用最能预测每位客户最后一次购买的组合。
recommend-repeat-group-size = 每组篮数：
recommend-repeat-basket-decay = 组内衰减：
recommend-repeat-group-decay = 组间衰减：
recommend-repeat-alpha = 相似客户权重：
recommend-repeat-settings-hover = 客户的订单从新到旧，按这个篮数分组。组内每早一篮，计数按此比例减少（1 表示相同），每早一组也一样；再按这个权重加入最相似客户的复购。开启“通过验证选择训练参数”时，这些由系统选择。
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
recommend-progress-validating-repeat = 正在验证定期复购，{ $setting }
recommend-progress-validating-blend = 正在验证混合推荐，{ $setting }
recommend-progress-sasrec-epoch = 正在训练 SASRec：第 { $epoch } 轮，验证 NDCG { $ndcg }
recommend-progress-sasrec-trial = 正在训练 SASRec：试第 { $trial } 组设置（共 { $trials } 组），第 { $epoch } 轮，验证 NDCG { $ndcg }

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
recommend-reason-bought-last = 买过 { $n } 次，最近一次在 { $days } 天前
recommend-reason-similar-customers = { $n } 位相似客户买过
recommend-reason-predicted-rating = 根据 { $n } 位相似客户预测评分为 { $rating }
recommend-reason-same-category = 与 { $item } 同品类、同价位
recommend-reason-follows = 接在 { $from } → { $to } 之后，常见的下一步

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
recommend-nothing-to-test-purchases = 暂时没有可测试的购买：评估方式“{ $protocol }”会{ $note }，但 { $customers } 位客户都只买过一件商品。评估报告需要至少有两次购买的客户：请加载更多订单，例如更长时间段的订单。
recommend-nothing-to-test-orders = 暂时没有可测试的购买：评估方式“{ $protocol }”会{ $note }，但 { $customers } 位客户都只下过一笔订单。其中 { $repeat } 位客户在一笔订单中买了多件商品，评估方式“{ $other }”可以测试这些购买。
recommend-nothing-to-test-seen = 暂时没有可测试的购买：评估方式“{ $protocol }”会{ $note }，但 { $held } 位有留出购买的客户之前都买过这些商品，而“{ $setting }”会把这类商品排除在测试之外。
recommend-run-with-split = 用“{ $protocol }”生成评估报告
recommend-run-allowing-seen = 包含已购商品再生成一次
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
recommend-validation-summary-sampled = { $settings }（以每位客户在训练数据中的最后一次购买计算 NDCG@{ $k }，在 { $candidates } 位客户中均匀抽取 { $customers } 位）
recommend-validation-item-knn = item-kNN { $setting }
recommend-validation-als = ALS { $setting }
recommend-validation-repeat = 定期复购 { $setting }
recommend-validation-blend = 混合推荐 { $setting }
recommend-validation-join = { $settings }；{ $next }
recommend-setting-neighbours = { $neighbours } 个近邻
recommend-setting-als = { $factors } 个因子，λ { $lambda }，α { $alpha }
recommend-setting-repeat = 每 { $group } 个订单一组，组内衰减 { $basket }，组间衰减 { $across }，{ $neighbours } 个相似客户，权重 { $alpha }
recommend-setting-blend = 定期复购 { $repeat }，购买历史 { $history }，item-kNN { $knn }
recommend-validation-nothing-to-choose = 只有 item-kNN、定期复购、混合模型和 ALS 有可选择的参数
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

# 缺少的输入：一句说明和解决它的按钮。
recommend-needs-items = 推荐需要商品列：请指定一列为商品，或加载含商品的文件。
recommend-needs-order-ids = 推荐需要订单号列，才能知道哪些商品是一起购买的：请指定一列为订单号，或加载含订单号的文件。
recommend-open-data-tab = 打开“数据”标签页

# 各项指标的含义（悬停显示）。
recommend-protocol-meaning = 评估报告如何测试模型：先藏起一部分购买，用其余部分训练，再看推荐列表是否包含藏起的购买。
recommend-k-meaning = 每个模型的推荐列表中计入测试的商品数。
recommend-model-meaning = 为每位客户挑选商品的方法；悬停在名称上可查看其做法。
recommend-ndcg-meaning = 客户下一次真正买的商品在前 { $k } 名列表中排得多靠前，取值 0 到 1；越高越好。
recommend-hit-rate-meaning = 前 { $k } 名中至少有一件是下一次真正买的商品的客户比例；越高越好。
recommend-recall-meaning = 客户下一次真正买的商品中出现在前 { $k } 名里的比例；越高越好。
recommend-precision-meaning = 前 { $k } 名商品中客户下一次真正买了的比例；越高越好，几个百分点属于正常。
recommend-coverage-meaning = 出现在至少一位客户列表中的商品占全部商品的比例；越高说明不只是那几件热门商品。
recommend-fit-secs-meaning = 模型从训练购买中学习所用的秒数。
recommend-recommend-secs-meaning = 模型为每位测试客户列出推荐商品所用的秒数。
recommend-score-meaning = 模型推荐该商品的强度，列表按它排序；只在同一列表内比较得分。
recommend-why-meaning = 客户的哪些购买带来了这个推荐。
recommend-similarity-meaning = 两件商品的买家重合程度，取值 0 到 1；越高越相似。
recommend-support-meaning = 包含规则中所有商品的订单占全部订单的比例；越高说明这个组合越常见。
recommend-confidence-meaning = 含有前面商品的订单中，同时含有后面商品的比例；越高越好。
recommend-lift-meaning = 这些商品一起购买的频率是随机情况的几倍；大于 1 表示它们常一起买。
recommend-count-meaning = 包含规则中所有商品的订单数。
recommend-times-meaning = 含前一件商品的订单之后，该客户下一笔订单含后一件商品的次数。
recommend-customers-meaning = 有过这一步的不同客户数。
recommend-share-meaning = 买了前一件商品之后的下一笔订单中，含后一件商品的比例。
recommend-median-days-meaning = 两笔订单之间的典型（中位数）间隔。

# 结果对营销活动意味着什么。
recommend-verdict-times = { $model } 模型在前 { $k } 名中找到了 { $share } 测试客户的下一次购买，是热门商品列表的 { $times } 倍：可用于邮件推荐。
recommend-verdict-only = { $model } 模型在前 { $k } 名中找到了 { $share } 测试客户的下一次购买，而热门商品列表一个也没找到：可用于邮件推荐。
recommend-verdict-plain = { $model } 模型在前 { $k } 名中找到了 { $share } 测试客户的下一次购买：可用于邮件推荐。
recommend-verdict-best-sellers = 没有模型在前 { $k } 名中明显胜过热门商品列表（找到 { $share } 测试客户的下一次购买）：直接推送热门商品，效果相当且更简单。
recommend-verdict-none = 没有模型能在前 { $k } 名中找到客户的下一次购买：购买记录还太少，暂不适合个性化推荐。
recommend-rules-verdict-none = 在当前阈值下，没有商品足够经常地一起购买：降低最小支持度可找到较少见的组合。
recommend-rules-verdict-weak = 商品一起购买的频率几乎与随机情况相同（提升度最高 { $lift }）：组合套装和结账推荐的作用不大。
recommend-rules-verdict-strong = 买了 { $bought } 的客户在 { $confidence } 的这类订单中也买了 { $also }，频率是随机情况的 { $lift } 倍：可组合成套装，或在结账时推荐 { $also }。
recommend-next-verdict-clear = 买了 { $from } 之后，{ $share } 的下一次购买是 { $to }，通常在 { $days } 之后：届时发送 { $to } 的优惠。
recommend-next-verdict-spread = 下一次购买很分散：即使最常见的一步（{ $from } 到 { $to }）也只占下一次购买的 { $share }，个性化推荐列表比单一的跟进更合适。
recommend-sasrec-trained = SASRec 训练了 { $epochs } 轮，保留第 { $best } 轮（在 { $customers } 位客户最后一次训练购买上的验证 NDCG@10 为 { $ndcg }）。
recommend-sasrec-reloaded = SASRec 从项目保存的模型重新载入（用相同设置在相同购买记录上训练，因此没有重新训练）：{ $epochs } 轮，保留第 { $best } 轮（在 { $customers } 位客户上的验证 NDCG@10 为 { $ndcg }）。
recommend-sasrec-out-of-time = 训练在时间上限处停止：更长的训练时间可能得到更好的模型。
recommend-sasrec-saved-to = SASRec 模型已保存到 { $path }。
recommend-sasrec-save-failed = 项目已保存，但其 SASRec 模型未能保存：{ $error }。打开该项目时会重新训练。
recommend-sasrec-unreadable = 无法使用项目保存的 SASRec 模型（{ $error }）；拟合时将重新训练 SASRec。
recommend-report-with-sasrec = 同时比较 SASRec
recommend-report-with-sasrec-hover = SASRec 学习购买的先后顺序；它在评估的训练部分上最多训练 { $secs } 秒，因此评估会多花这么长时间。如果它是当前选中的模型，无论是否勾选都会参与评估。
recommend-use-winner = 用 { $model } 生成推荐列表
recommend-use-winner-hover = 评估中胜出的模型将用于每位客户的推荐列表、基于列表的营销活动和导出。只有像这样在评估中胜出时，SASRec 才会被推荐为模型。
recommend-sasrec-chosen = 验证在 { $tried } 组尝试的设置中选择了：{ $dim } 维、{ $blocks } 个模块、丢弃率 { $dropout }、最近 { $window } 件商品、每步评分商品 { $scored } 件。
recommend-sasrec-trials = 尝试过的 SASRec 设置（{ $tried } 组）
recommend-sasrec-trial-dim = 维度
recommend-sasrec-trial-blocks = 模块数
recommend-sasrec-trial-dropout = 丢弃率
recommend-sasrec-trial-window = 读取最近商品数
recommend-sasrec-trial-scored = 每步评分商品数
recommend-sasrec-trial-scored-all = 全部 { $items }
recommend-sasrec-trial-epochs = 试训轮数
recommend-sasrec-trial-ndcg = 最佳验证 NDCG@10
recommend-sasrec-trial-secs = 秒
recommend-sasrec-trial-chosen = ← 用于推荐清单
