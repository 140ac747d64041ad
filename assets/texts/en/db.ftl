# Database sources (data::db) and the "Connect to database…" dialog (ui::db_dialog).
# Errors never show a password: the URLs handed over are already without it.

db-error-url = The database URL { $url } cannot be used: { $why }.
db-url-unknown-scheme = it starts with { $scheme }://, write postgres:// or mysql:// instead
db-url-not-utf8 = the user or the password is not valid UTF-8
db-url-no-user = there is no user name; write it before an @
db-url-no-database = there is no database name; write it after the last /
db-url-no-host = there is no host; write one after the @, or give a socket with ?{ $parameter }=
db-error-connect = Could not connect to { $url }: { $message }. Check the address, the user and the password, and that the server is running.
db-no-password-given = no password was given: type it in the password field, or set { $variable } for the command line
db-keyring-failed = the keyring could not keep the password ({ $why }): start your desktop's keyring (GNOME Keyring, KWallet, or KeePassXC with its Secret Service on), or give the password through MARKETBENCH_DB_PASSWORD instead
db-keyring-unsupported = this system has no keyring Marketbench can use
db-error-query = The database refused the query: { $message }
    SQL: { $sql }
db-error-query-short = The database refused the query: { $message }
db-loading = loading { $source }
db-reading-rows = reading the rows of { $sql }
db-pushdown-unmapped = no column is mapped to { $role }, which the per-customer figures need
db-pushdown-day-out-of-range = the last purchase day lies { $days } days after 1970-01-01, past the last date Marketbench can count with: leave out the lines with placeholder dates (drop --keep-far-dates)
db-pushdown-column-type = column { $column } is { $found } in the database, where the sums need { $needs }: the database would read its values by its own rules, not as Marketbench reads a file
db-pushdown-needs-time = a date or timestamp column
db-pushdown-needs-number = a numeric column
db-pushdown-fetching-instead = { $why }. The order lines are fetched and read as a file's instead; for the database to sum them, give the column that type, or CAST it in --orders-query.
db-fetch-again = { $source } was fetched from { $url }; to read it differently, fetch it again through "Connect to database…"

db-title = Connect to database
db-url = Database URL
db-url-hint = postgres://user@host:5432/database, or mysql://user@host:3306/database for MySQL, MariaDB, StarRocks and Doris. A local socket: postgres://user@/database?host=/run/postgresql or mysql://user@localhost/database?socket=/run/mysqld/mysqld.sock
db-password = Password
db-password-hover = Kept only while this window is open, unless you ask the keyring to remember it: never saved in a project or the settings, never written to a log.
db-remember = Remember the password in this computer's keyring
db-remember-hover = Kept by the desktop keyring (GNOME Keyring, KWallet, KeePassXC), never in a project or the settings. Opening a project that reads this database then fetches its rows without asking, and command-line runs on this computer use it too. "Forget the password" here, or marketbench password forget URL, removes it.
db-remembered = The keyring keeps the password of this database.
db-forget = Forget the password
db-forget-hover = Take this database's password out of the keyring: opening a project that reads it asks for the password again, and so do command-line runs on this computer.
db-forgotten = The keyring no longer keeps the password of this database: it is asked for next time.
db-looking-for-password = Looking for a remembered password…
db-connect = Connect
db-connect-and-fetch = Connect and fetch
db-reopen = Project { $project } reads { $sources } from this database. Type the password and press Connect and fetch: the rows come back with the project's column mapping. The password is not saved.
db-connecting = Connecting to { $url }…
db-connected = Connected to { $url }: { $n ->
        [one] { $tables } table
       *[other] { $tables } tables
    }.
db-picks = What to read for each kind of data: a table, or a SELECT you type.
db-pick-query = Type a SELECT…
db-query-label = SELECT for { $kind }
db-count = Count rows
db-count-hover = Ask the database how many rows each choice would bring, and about how much memory they take, before anything is fetched.
db-count-first = Count the rows first: nothing is fetched before you have seen how many there are.
db-counting = Counting the rows of { $source }…
db-counted = { $source }: { $n ->
        [one] { $rows } row
       *[other] { $rows } rows
    }, { $size } to fetch
db-megabytes = about { $mb } MB
db-too-big = Fetching these rows { $why }
db-fetch = Fetch
db-fetch-hover = Fetch the counted rows; each source then waits in the mapping view, as a file does.
db-fetching = Fetching { $rows } rows of { $source }…
db-close = Close
db-error-lost = The connection to the database broke while the rows were coming ({ $message }). Nothing of them was loaded; fetch again once the server answers.
db-pushdown-unmapped-series = no column is mapped to { $role }, which the series of { $measure } needs
db-pushed-down-customers = pushed down: the database summed { $source } per customer; { $rows } rows fetched instead of the order lines (--fetch-lines fetches the lines).
db-pushed-down-series = pushed down: the database summed { $source } per period; { $rows } rows fetched instead of the order lines (--fetch-lines fetches the lines).
db-pushdown-unmapped-pairs = no column is mapped to { $role }, which the purchases per customer and item need
db-pushdown-pairs-too-many = the purchases are { $pairs } customer × item pairs: { $why }
db-pushed-down-pairs = pushed down: the database summed { $source } per customer and item; { $rows } rows fetched instead of the order lines (--fetch-lines fetches the lines).
db-pushdown-rule-pairs-too-many = more than { $pairs } item pairs are bought together in at least { $least } orders, more than fit in memory: raise --min-support or --min-count
db-pushed-down-rules = pushed down: the database counted the items bought together in { $source }; { $rows } rows fetched instead of the order lines (--fetch-lines fetches the lines).

# Orders the database sums (any size): a sample is mapped, the sums are fetched
db-sum-orders = Sum orders in the database
db-sum-orders-hover = Map the orders' columns on their first 1,000 rows; the database then sums them per customer and per period, whatever their size, and only the sums are fetched.
db-sampling-orders = fetching the first rows of { $source } to map its columns
