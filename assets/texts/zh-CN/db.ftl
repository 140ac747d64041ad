# 数据库数据源（data::db）和“连接数据库…”对话框（ui::db_dialog）。
# 错误信息从不显示密码：传入的网址已去掉密码。

db-error-url = 无法使用数据库网址 { $url }：{ $why }。
db-url-unknown-scheme = 它以 { $scheme }:// 开头，请改用 postgres:// 或 mysql://
db-url-not-utf8 = 用户名或密码不是有效的 UTF-8
db-url-no-user = 没有用户名；请写在 @ 之前
db-url-no-database = 没有数据库名；请写在最后一个 / 之后
db-url-no-host = 没有主机；请写在 @ 之后，或用 ?{ $parameter }= 指定套接字
db-error-connect = 无法连接到 { $url }：{ $message }。请检查地址、用户名和密码，并确认服务器正在运行。
db-no-password-given = 未提供密码：请在密码框中输入，或在命令行中设置 { $variable }
db-keyring-failed = 钥匙环无法保存密码（{ $why }）：请启动桌面钥匙环（GNOME Keyring、KWallet，或开启 Secret Service 的 KeePassXC），或改用 MARKETBENCH_DB_PASSWORD 提供密码
db-keyring-unsupported = 此系统没有 Marketbench 可用的钥匙环
db-error-query = 数据库拒绝了查询：{ $message }
    SQL：{ $sql }
db-error-query-short = 数据库拒绝了查询：{ $message }
db-loading = 加载 { $source }
db-reading-rows = 读取 { $sql } 的数据行
db-pushdown-unmapped = 没有列映射到{ $role }，而按客户汇总需要它
db-pushdown-day-out-of-range = 最后购买日在 1970-01-01 之后 { $days } 天，超出了 Marketbench 能计算的日期范围：请排除占位日期的行（去掉 --keep-far-dates）
db-pushdown-column-type = 列 { $column } 在数据库中是 { $found } 类型，而汇总需要{ $needs }：数据库会按它自己的规则读取这些值，与 Marketbench 读取文件的方式不同
db-pushdown-needs-time = 日期或时间戳列
db-pushdown-needs-number = 数值列
db-pushdown-fetching-instead = { $why }。因此改为取回订单行并像文件一样读取；若要由数据库汇总，请把该列改为相应类型，或在 --orders-query 中用 CAST 转换。
db-fetch-again = { $source } 取自 { $url }；要换一种方式读取，请用“连接数据库…”重新获取。

db-title = 连接数据库
db-url = 数据库网址
db-url-hint = postgres://用户@主机:5432/数据库；MySQL、MariaDB、StarRocks 和 Doris 用 mysql://用户@主机:3306/数据库。本机套接字：postgres://用户@/数据库?host=/run/postgresql 或 mysql://用户@localhost/数据库?socket=/run/mysqld/mysqld.sock
db-password = 密码
db-password-hover = 只在此窗口打开时保留（除非你让钥匙环记住它）：从不保存到项目或设置中，也从不写入日志。
db-remember = 在本机钥匙环中记住密码
db-remember-hover = 由桌面钥匙环（GNOME Keyring、KWallet、KeePassXC）保管，从不写入项目或设置。之后打开读取此数据库的项目时会直接获取数据而不再询问，本机上的命令行运行也会使用它。点这里的“忘记密码”，或运行 marketbench password forget 网址，可删除它。
db-remembered = 钥匙环已保存此数据库的密码。
db-forget = 忘记密码
db-forget-hover = 从钥匙环中删除此数据库的密码：之后打开读取它的项目时会再次询问密码，本机上的命令行运行也一样。
db-forgotten = 钥匙环已不再保存此数据库的密码：下次会再询问。
db-looking-for-password = 正在查找已记住的密码…
db-connect = 连接
db-connect-and-fetch = 连接并获取
db-reopen = 项目 { $project } 从此数据库读取 { $sources }。请输入密码并点击“连接并获取”：数据会按项目保存的列映射重新载入。密码不会被保存。
db-connecting = 正在连接 { $url }…
db-connected = 已连接到 { $url }：{ $tables } 张表。
db-picks = 为每类数据选择要读取的内容：一张表，或你输入的 SELECT 语句。
db-pick-query = 输入 SELECT…
db-query-label = { $kind }的 SELECT
db-count = 统计行数
db-count-hover = 在获取任何数据之前，先让数据库告诉你每个选择有多少行、大约占多少内存。
db-count-first = 请先统计行数：在你看到行数之前不会获取任何数据。
db-counting = 正在统计 { $source } 的行数…
db-counted = { $source }：{ $rows } 行，需获取{ $size }
db-megabytes = 约 { $mb } MB
db-too-big = 获取这些行{ $why }
db-fetch = 获取
db-fetch-hover = 获取已统计的行；每个数据源随后像文件一样在列映射中等待确认。
db-fetching = 正在获取 { $source } 的 { $rows } 行…
db-close = 关闭
db-error-lost = 获取数据行时与数据库的连接中断了（{ $message }）。这些行都没有加载；请在服务器恢复后重新获取。
db-pushdown-unmapped-series = 没有列映射到{ $role }，而{ $measure }序列需要它
db-pushed-down-customers = 已下推：数据库按客户汇总了 { $source }，只取回 { $rows } 行，而不是订单明细（--fetch-lines 取回明细）。
db-pushed-down-series = 已下推：数据库按周期汇总了 { $source }，只取回 { $rows } 行，而不是订单明细（--fetch-lines 取回明细）。
db-pushdown-unmapped-pairs = 没有列映射到{ $role }，而按客户和商品汇总购买需要它
db-pushdown-pairs-too-many = 购买记录有 { $pairs } 个客户 × 商品组合：{ $why }
db-pushed-down-pairs = 已下推：数据库按客户和商品汇总了 { $source }，只取回 { $rows } 行，而不是订单明细（--fetch-lines 取回明细）。
db-pushdown-rule-pairs-too-many = 至少在 { $least } 个订单中一起购买的商品组合超过 { $pairs } 个，内存放不下：请提高 --min-support 或 --min-count
db-pushed-down-rules = 已下推：数据库统计了 { $source } 中一起购买的商品，只取回 { $rows } 行，而不是订单明细（--fetch-lines 取回明细）。

# 由数据库汇总的订单（任意规模）：只取样本用于映射，只取回汇总结果
db-sum-orders = 在数据库中汇总订单
db-sum-orders-hover = 用订单的前 1,000 行映射列；之后由数据库按客户、按周期汇总，无论多少行，只取回汇总结果。
db-sampling-orders = 正在读取 { $source } 的前几行以映射列
