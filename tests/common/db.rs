//! Real database servers for the database-source tests: PostgreSQL and MariaDB
//! from the Debian packages (`scripts/setup.sh test` installs them), each started
//! in its own temporary folder on a unix socket with networking off, each step
//! bounded in time, and stopped when the [`Server`] is dropped.
//!
//! A missing server binary fails the test with the command that installs it: CI
//! runs setup first, so a skip would hide a broken install. As root (CI, this
//! machine), PostgreSQL runs as the `postgres` user the package creates (it
//! refuses root) and MariaDB with `--user=root`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use marketbench::data::db::{Dialect, quote};

/// How long one step (creating the data folder, starting, stopping) may take.
const STEP: Duration = Duration::from_secs(60);

/// A running server. `url` reaches it through its socket, without a password.
pub struct Server {
    pub url: String,
    /// The password the server asks for, if it asks for one.
    pub password: Option<String>,
    /// The socket: its folder for PostgreSQL, the file for MariaDB.
    pub socket: PathBuf,
    stop: Option<Box<dyn FnOnce() + Send>>,
    _folder: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            stop();
        }
    }
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

fn missing(what: &str) -> ! {
    panic!(
        "{what} is not installed: run `scripts/setup.sh test` (it installs the Debian \
         packages postgresql and mariadb-server that these tests start)"
    )
}

/// Runs `command` to the end within [`STEP`]; panics with its output otherwise.
fn run(command: &mut Command, what: &str) {
    let child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    let output = wait_bounded(child, what);
    assert!(
        output.status.success(),
        "{what} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn wait_bounded(mut child: Child, what: &str) -> std::process::Output {
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if start.elapsed() > STEP {
            let _ = child.kill();
            let output = child.wait_with_output().expect("output");
            panic!(
                "{what} took more than {} s: {}",
                STEP.as_secs(),
                String::from_utf8_lossy(&output.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `program` run as `postgres` when we are root.
fn as_postgres(program: &Path) -> Command {
    if is_root() {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

/// The newest `/usr/lib/postgresql/*/bin`.
fn postgres_bin() -> PathBuf {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|dir| {
            dir.flatten()
                .filter_map(|e| {
                    let version = e.file_name().to_str()?.parse().ok()?;
                    let bin = e.path().join("bin");
                    bin.join("initdb").exists().then_some((version, bin))
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
        .pop()
        .map(|(_, bin)| bin)
        .unwrap_or_else(|| missing("PostgreSQL (/usr/lib/postgresql/*/bin/initdb)"))
}

/// A PostgreSQL server with user `mb` (trust authentication, so any password
/// is accepted) and database `postgres`.
pub fn postgres() -> Server {
    postgres_with(None)
}

/// A PostgreSQL server whose user `mb` must give `password` (SCRAM), so a
/// wrong one is refused; database `postgres`.
pub fn postgres_with_password(password: &str) -> Server {
    postgres_with(Some(password))
}

fn postgres_with(password: Option<&str>) -> Server {
    let bin = postgres_bin();
    let folder = tempfile::tempdir().expect("temp folder");
    let dir = folder.path().to_path_buf();
    if is_root() {
        let status = Command::new("chown")
            .args(["-R", "postgres"])
            .arg(&dir)
            .status()
            .expect("chown");
        assert!(status.success(), "chown postgres {}", dir.display());
    }
    let data = dir.join("data");
    let mut initdb = as_postgres(&bin.join("initdb"));
    initdb
        .arg("-D")
        .arg(&data)
        .args(["-U", "mb", "-E", "UTF8", "--no-locale", "--no-sync"]);
    match password {
        None => initdb.args(["-A", "trust"]),
        Some(password) => {
            let file = dir.join("password");
            std::fs::write(&file, password).expect("write the password file");
            initdb
                .args(["-A", "scram-sha-256"])
                .arg(format!("--pwfile={}", file.display()))
        }
    };
    run(&mut initdb, "initdb");
    let pg_ctl = bin.join("pg_ctl");
    run(
        as_postgres(&pg_ctl)
            .arg("-D")
            .arg(&data)
            .arg("-o")
            .arg(format!(
                "-k {} -c listen_addresses='' -c fsync=off",
                dir.display()
            ))
            .arg("-l")
            .arg(dir.join("server.log"))
            .args(["-w", "-t", "60", "start"]),
        "pg_ctl start",
    );
    let stop_data = data.clone();
    Server {
        url: format!("postgres://mb@/postgres?host={}", dir.display()),
        password: password.map(str::to_string),
        socket: dir.clone(),
        stop: Some(Box::new(move || {
            run(
                as_postgres(&pg_ctl).arg("-D").arg(&stop_data).args([
                    "-m",
                    "immediate",
                    "-w",
                    "-t",
                    "30",
                    "stop",
                ]),
                "pg_ctl stop",
            );
        })),
        _folder: folder,
    }
}

fn find_program(name: &str, folders: &[&str]) -> PathBuf {
    folders
        .iter()
        .map(|f| Path::new(f).join(name))
        .find(|p| p.exists())
        .unwrap_or_else(|| missing(name))
}

/// A MariaDB server with user `root` (no password) and an empty database `shop`.
pub fn mariadb() -> Server {
    let install = find_program("mariadb-install-db", &["/usr/bin", "/usr/local/bin"]);
    let server = find_program("mariadbd", &["/usr/sbin", "/usr/bin", "/usr/local/sbin"]);
    let folder = tempfile::tempdir().expect("temp folder");
    let dir = folder.path().to_path_buf();
    let data = dir.join("data");
    let socket = dir.join("my.sock");
    let user: &[&str] = if is_root() { &["--user=root"] } else { &[] };
    install_mariadb(&install, &data, user);
    let mut child = Command::new(&server)
        .arg("--no-defaults")
        .arg(format!("--datadir={}", data.display()))
        .arg(format!("--socket={}", socket.display()))
        .arg(format!("--log-error={}", dir.join("server.log").display()))
        .arg(format!("--pid-file={}", dir.join("server.pid").display()))
        .args(["--skip-networking", "--innodb-flush-log-at-trx-commit=0"])
        .args(user)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("mariadbd: {e}"));
    let start = Instant::now();
    while !socket.exists() {
        if let Ok(Some(status)) = child.try_wait() {
            let log = std::fs::read_to_string(dir.join("server.log")).unwrap_or_default();
            panic!("mariadbd stopped ({status}): {log}");
        }
        if start.elapsed() > STEP {
            let _ = child.kill();
            panic!(
                "mariadbd did not open its socket within {} s",
                STEP.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    create_shop(&socket);
    Server {
        password: None,
        url: format!("mysql://root@localhost/shop?socket={}", socket.display()),
        socket,
        stop: Some(Box::new(move || {
            let _ = child.kill();
            let _ = child.wait();
        })),
        _folder: folder,
    }
}

/// Creates MariaDB's system tables in `data`. One test at a time: bootstrap runs
/// fell over now and then ("Installation of system tables failed") when several
/// tests of the binary ran it at once on two cores. A failed attempt is retried
/// in a fresh folder once; the second failure panics with the tool's output.
fn install_mariadb(install: &Path, data: &Path, user: &[&str]) {
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let attempt = || {
        let _ = std::fs::remove_dir_all(data);
        let child = Command::new(install)
            .arg("--no-defaults")
            .arg(format!("--datadir={}", data.display()))
            .args(user)
            .args(["--auth-root-authentication-method=normal", "--skip-test-db"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("mariadb-install-db: {e}"));
        wait_bounded(child, "mariadb-install-db")
    };
    let first = attempt();
    if first.status.success() {
        return;
    }
    let second = attempt();
    assert!(
        second.status.success(),
        "mariadb-install-db failed twice: {}{}",
        String::from_utf8_lossy(&second.stdout),
        String::from_utf8_lossy(&second.stderr)
    );
}

/// Creates the `shop` database (UTF-8), retrying while the server finishes starting.
fn create_shop(socket: &Path) {
    use mysql::prelude::Queryable;
    let options = mysql::OptsBuilder::new()
        .user(Some("root"))
        .socket(Some(socket.to_str().expect("utf-8 path")))
        .prefer_socket(true);
    let start = Instant::now();
    let mut conn = loop {
        match mysql::Conn::new(options.clone()) {
            Ok(conn) => break conn,
            Err(e) if start.elapsed() > STEP => panic!("cannot connect to mariadbd: {e}"),
            Err(_) => std::thread::sleep(Duration::from_millis(100)),
        }
    };
    conn.query_drop("CREATE DATABASE shop CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
        .expect("create database shop");
}

/// Runs `statements` in order on `server` as its administrator: PostgreSQL's
/// `mb` user in `postgres`, MariaDB's `root` in `shop`.
pub fn execute(server: &Server, statements: &[String]) {
    let failed = |e: &dyn std::fmt::Display, sql: &str| -> ! {
        panic!("{e}: {}", sql.chars().take(300).collect::<String>())
    };
    if server.url.starts_with("postgres") {
        let mut connect = format!("host={} user=mb dbname=postgres", server.socket.display());
        if let Some(password) = &server.password {
            connect.push_str(&format!(" password={password}"));
        }
        let mut client =
            postgres::Client::connect(&connect, postgres::NoTls).expect("connect postgres");
        for sql in statements {
            client
                .batch_execute(sql)
                .unwrap_or_else(|e| failed(&e, sql));
        }
    } else {
        use mysql::prelude::Queryable;
        let options = mysql::OptsBuilder::new()
            .user(Some("root"))
            .db_name(Some("shop"))
            .socket(Some(server.socket.to_str().expect("utf-8 path")))
            .prefer_socket(true);
        let mut conn = mysql::Conn::new(options).expect("connect mariadb");
        for sql in statements {
            conn.query_drop(sql).unwrap_or_else(|e| failed(&e, sql));
        }
    }
}

/// The bundled sample shop's order lines.
const SAMPLE_ORDERS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data/orders.csv");

/// Column types of the sample's orders (`order_id, customer_id, order_time, sku,
/// product_name, category, quantity, unit_price, amount, status, channel`).
fn column_types(dialect: Dialect) -> [&'static str; 11] {
    let (text, time) = match dialect {
        Dialect::Postgres => ("TEXT", "TIMESTAMP"),
        Dialect::Mysql => ("VARCHAR(80)", "DATETIME"),
    };
    [
        text,
        text,
        time,
        text,
        text,
        text,
        "INTEGER",
        "DECIMAL(10,2)",
        "DECIMAL(12,2)",
        text,
        text,
    ]
}

/// `CREATE TABLE orders` and the `INSERT`s of the sample's lines, 5,000 a
/// statement; an empty cell is NULL.
fn statements(dialect: Dialect) -> Vec<String> {
    let text = std::fs::read_to_string(SAMPLE_ORDERS).expect("sample orders");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let types = column_types(dialect);
    let columns: Vec<String> = header
        .iter()
        .zip(types)
        .map(|(name, kind)| format!("{} {kind}", quote(dialect, name)))
        .collect();
    let table = quote(dialect, "orders");
    let mut out = vec![format!("CREATE TABLE {table} ({})", columns.join(", "))];
    let rows: Vec<String> = lines
        .map(|line| {
            let cells: Vec<String> = line
                .split(',')
                .enumerate()
                .map(|(i, cell)| match (cell.is_empty(), i) {
                    (true, _) => "NULL".to_string(),
                    (false, 6..=8) => cell.to_string(),
                    (false, _) => format!("'{}'", cell.replace('\'', "''")),
                })
                .collect();
            format!("({})", cells.join(", "))
        })
        .collect();
    for chunk in rows.chunks(5000) {
        out.push(format!("INSERT INTO {table} VALUES {}", chunk.join(", ")));
    }
    out
}

/// Creates the `orders` table and fills it with the sample's lines.
pub fn fill_sample_orders(server: &Server, dialect: Dialect) {
    execute(server, &statements(dialect));
}
