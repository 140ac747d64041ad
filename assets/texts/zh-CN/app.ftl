# 窗口框架：名称、标签页、工具栏、通知。

app-name = Marketbench
tab-data = 数据
tab-behaviour = 用户行为
tab-segments = 客户分群
tab-value = 客户价值
tab-recommendations = 商品推荐
tab-forecast = 销售预测
tab-service = 客服
tab-campaigns = 营销活动
theme-system = 跟随系统
theme-light = 浅色
theme-dark = 深色

toolbar-open-files = 打开文件…
toolbar-open-files-hover = 选择数据文件：CSV、TSV、TXT、Parquet、JSON、NDJSON、XLSX、XLS
toolbar-open-sample = 打开示例店铺
toolbar-open-sample-hover = 一个生成的店铺：订单、商品、客户和行为事件
toolbar-path = 路径：
toolbar-path-hint = /path/to/orders.csv 或一个文件夹
toolbar-open = 打开
toolbar-view = 显示
toolbar-currency = 货币
toolbar-theme = 主题
toolbar-language = 语言
toolbar-language-system = 跟随系统（{ $language }）
toolbar-open-project = 打开项目…
toolbar-open-project-hover = 打开已保存的项目：其中的文件、分群名称和营销活动
toolbar-save-project-as = 另存项目…
toolbar-save-project-as-hover = 把已打开的文件、分群名称和营销活动保存为项目文件
toolbar-save-project-disabled = 请先打开数据文件
toolbar-save-project = 保存
toolbar-save-project-hover = 再次把项目保存到 { $path }
toolbar-recent-files = 最近的文件
toolbar-no-recent-files = 还没有最近的文件
toolbar-open-all-recent = 打开全部最近的文件
toolbar-clear-recent = 清空最近的文件

notice-dismiss = 关闭
notice-no-file-dialog = 此桌面无法显示文件对话框。请在“路径”框中输入文件或文件夹路径，把文件拖到窗口上，或在命令行中传入它们。
notice-no-sample-store = 找不到示例店铺。请把 MARKETBENCH_SAMPLE_DIR 设为它所在的文件夹，或打开你自己的文件。
drop-hint = 拖放文件或文件夹即可打开
