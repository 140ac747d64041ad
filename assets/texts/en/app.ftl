# The window's frame: name, tabs, toolbar, notices.

app-name = Marketbench
tab-data = Data
tab-behaviour = Behaviour
tab-segments = Segments
tab-value = Value
tab-recommendations = Recommendations
tab-forecast = Forecast
tab-service = Service
tab-campaigns = Campaigns
theme-system = Follow the system
theme-light = Light
theme-dark = Dark

toolbar-open-files = Open files…
toolbar-open-files-hover = Choose data files: CSV, TSV, TXT, Parquet, JSON, NDJSON, XLSX, XLS
toolbar-open-sample = Open sample store
toolbar-open-sample-hover = A generated shop: orders, products, customers and behaviour events
toolbar-path = Path:
toolbar-path-hint = /path/to/orders.csv or a folder
toolbar-open = Open
toolbar-view = View
toolbar-currency = Currency
toolbar-theme = Theme
toolbar-language = Language
toolbar-language-system = System ({ $language })
toolbar-open-project = Open project…
toolbar-open-project-hover = Open a saved project: its files, segment names and campaigns
toolbar-save-project-as = Save project…
toolbar-save-project-as-hover = Save the open files, segment names and campaigns as a project file
toolbar-save-project-disabled = Open data files first
toolbar-save-project = Save
toolbar-save-project-hover = Save the project again to { $path }
toolbar-recent-files = Recent files
toolbar-no-recent-files = No recent files yet
toolbar-open-all-recent = Open all recent files
toolbar-clear-recent = Clear recent files

notice-dismiss = Dismiss
notice-no-file-dialog = No file dialog could be shown on this desktop. Type a file or folder path in the Path box, drop files onto the window, or pass them on the command line.
notice-no-sample-store = The sample store was not found. Set MARKETBENCH_SAMPLE_DIR to its folder, or open your own files.
drop-hint = Drop files or folders to open them
