//! Database URLs: `postgres://user[:password]@host[:port]/db` (also `postgresql://`)
//! and `mysql://user[:password]@host[:port]/db` (also `mariadb://`).
//!
//! A unix socket is a query parameter: `?host=/run/postgresql` (the socket's
//! folder, as libpq takes it) for PostgreSQL, `?socket=/run/mysqld/mysqld.sock`
//! for MySQL; with a socket the host part may be left empty (`postgres://me@/shop?host=…`).
//!
//! The password is never shown or stored: [`redact`] removes it from a URL, and
//! [`DbUrl::shown`] is the URL without it. It comes from the URL, else from
//! `MARKETBENCH_DB_PASSWORD`, else from `PGPASSWORD` (PostgreSQL) or `MYSQL_PWD`
//! (MySQL), else from the desktop keyring when the operator asked it to remember one.

use std::fmt;

use super::DbError;
use crate::tr;

/// Which protocol a URL speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// PostgreSQL and warehouses that speak its protocol.
    Postgres,
    /// MySQL, MariaDB, and warehouses that speak its protocol (StarRocks, Doris).
    Mysql,
}

impl Dialect {
    /// The environment variable the usual client of this dialect reads the password from.
    fn password_variable(self) -> &'static str {
        match self {
            Dialect::Postgres => "PGPASSWORD",
            Dialect::Mysql => "MYSQL_PWD",
        }
    }
}

/// A parsed database URL. `Debug` leaves the password out.
#[derive(Clone, PartialEq, Eq)]
pub struct DbUrl {
    pub dialect: Dialect,
    pub user: String,
    password: Option<String>,
    /// Host name or address; None with a socket.
    pub host: Option<String>,
    pub port: Option<u16>,
    pub database: String,
    /// PostgreSQL: the socket's folder; MySQL: the socket file.
    pub socket: Option<String>,
}

impl fmt::Debug for DbUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DbUrl({})", self.shown())
    }
}

/// Environment variable that gives the password to any dialect.
pub const PASSWORD_VARIABLE: &str = "MARKETBENCH_DB_PASSWORD";

impl DbUrl {
    /// Parses `text`. Errors show the URL without its password.
    pub fn parse(text: &str) -> Result<DbUrl, DbError> {
        let bad = |why: &str| DbError::Url {
            url: redact(text),
            why: why.to_string(),
        };
        // `me@/db?host=…` (no host, a socket) is what libpq accepts; the URL
        // parser wants a host after an @, so one stands in and is dropped again.
        let text_trimmed = text.trim();
        let no_host = text_trimmed.contains("@/");
        let url = url::Url::parse(&text_trimmed.replacen("@/", "@localhost/", 1))
            .map_err(|e| bad(&e.to_string()))?;
        let dialect = match url.scheme() {
            "postgres" | "postgresql" => Dialect::Postgres,
            "mysql" | "mariadb" => Dialect::Mysql,
            other => {
                return Err(bad(&tr!("db-url-unknown-scheme", scheme = other)));
            }
        };
        let decode = |s: &str| percent_decode(s).ok_or_else(|| bad(&tr!("db-url-not-utf8")));
        let user = decode(url.username())?;
        if user.is_empty() {
            return Err(bad(&tr!("db-url-no-user")));
        }
        let password = url.password().map(decode).transpose()?;
        let database = decode(url.path().trim_start_matches('/'))?;
        if database.is_empty() {
            return Err(bad(&tr!("db-url-no-database")));
        }
        let wanted = match dialect {
            Dialect::Postgres => "host",
            Dialect::Mysql => "socket",
        };
        let socket = url
            .query_pairs()
            .find(|(key, _)| key == wanted)
            .map(|(_, value)| value.into_owned());
        let host = url
            .host_str()
            .filter(|h| !h.is_empty() && !no_host)
            .map(str::to_string);
        if host.is_none() && socket.is_none() {
            return Err(bad(&tr!("db-url-no-host", parameter = wanted)));
        }
        Ok(DbUrl {
            dialect,
            user,
            password,
            host,
            port: url.port(),
            database,
            socket,
        })
    }

    /// The URL with `password` (typed in the window's password field, which
    /// wins over one written in the URL). Empty: the URL's or the environment's.
    pub fn with_password(mut self, password: &str) -> DbUrl {
        if !password.is_empty() {
            self.password = Some(password.to_string());
        }
        self
    }

    /// The password: from the URL, else `MARKETBENCH_DB_PASSWORD`, else the
    /// dialect's own variable (`PGPASSWORD`, `MYSQL_PWD`), else the one the
    /// desktop keyring remembers for this URL (`keyring`; may wait on D-Bus).
    pub fn password(&self) -> Option<String> {
        self.password_from(|name| std::env::var(name).ok())
            .or_else(|| super::keyring::recall(&self.shown()))
    }

    /// [`DbUrl::password`] with the environment read through `variable`.
    fn password_from(&self, variable: impl Fn(&str) -> Option<String>) -> Option<String> {
        self.password.clone().or_else(|| {
            [PASSWORD_VARIABLE, self.dialect.password_variable()]
                .into_iter()
                .find_map(|name| variable(name).filter(|p| !p.is_empty()))
        })
    }

    /// The URL as shown and stored: never with the password.
    pub fn shown(&self) -> String {
        let scheme = match self.dialect {
            Dialect::Postgres => "postgres",
            Dialect::Mysql => "mysql",
        };
        let host = self.host.as_deref().unwrap_or("");
        let port = self.port.map(|p| format!(":{p}")).unwrap_or_default();
        let socket = match (&self.socket, self.dialect) {
            (Some(s), Dialect::Postgres) => format!("?host={s}"),
            (Some(s), Dialect::Mysql) => format!("?socket={s}"),
            (None, _) => String::new(),
        };
        format!(
            "{scheme}://{}@{host}{port}/{}{socket}",
            self.user, self.database
        )
    }
}

/// `text` without its password (`postgres://me:secret@h/db` → `postgres://me@h/db`).
/// Text that does not parse as a URL loses everything between `://` and the last
/// `@` after the user name's `:`, so a mistyped URL is not shown with its password either.
pub fn redact(text: &str) -> String {
    if let Ok(mut url) = url::Url::parse(text.trim())
        && url.password().is_some()
        && url.set_password(None).is_ok()
    {
        return url.to_string();
    }
    let Some(start) = text.find("://").map(|i| i + 3) else {
        return text.to_string();
    };
    let rest = &text[start..];
    match (rest.rfind('@'), rest.find(':')) {
        (Some(at), Some(colon)) if colon < at => {
            format!("{}{}{}", &text[..start], &rest[..colon], &rest[at..])
        }
        _ => text.to_string(),
    }
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = text.get(i + 1..i + 3)
            && let Ok(byte) = u8::from_str_radix(hex, 16)
        {
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_postgres_with_a_socket_folder() {
        let url = DbUrl::parse("postgres://me@/shop?host=/tmp/pg").expect("url");
        assert_eq!(url.dialect, Dialect::Postgres);
        assert_eq!(url.user, "me");
        assert_eq!(url.host, None);
        assert_eq!(url.socket.as_deref(), Some("/tmp/pg"));
        assert_eq!(url.database, "shop");
        assert_eq!(url.shown(), "postgres://me@/shop?host=/tmp/pg");
    }

    #[test]
    fn parses_mysql_with_host_port_and_a_socket() {
        let url = DbUrl::parse("mysql://root:p%40ss@db.local:3307/商店?socket=/run/my.sock")
            .expect("url");
        assert_eq!(url.dialect, Dialect::Mysql);
        assert_eq!(url.host.as_deref(), Some("db.local"));
        assert_eq!(url.port, Some(3307));
        assert_eq!(url.database, "商店");
        assert_eq!(url.socket.as_deref(), Some("/run/my.sock"));
        assert_eq!(url.password().as_deref(), Some("p@ss"));
        assert!(!url.shown().contains("p%40ss") && !format!("{url:?}").contains("p%40ss"));
    }

    #[test]
    fn the_password_comes_from_the_url_then_the_environment() {
        let env = |name: &str| match name {
            "MARKETBENCH_DB_PASSWORD" => None,
            "PGPASSWORD" => Some("from-pg".to_string()),
            _ => Some("wrong".to_string()),
        };
        let pg = DbUrl::parse("postgres://me@h/db").expect("url");
        assert_eq!(pg.password_from(env).as_deref(), Some("from-pg"));
        let my = DbUrl::parse("mysql://me@h/db").expect("url");
        assert_eq!(my.password_from(env).as_deref(), Some("wrong"));
        let ours = |name: &str| (name == PASSWORD_VARIABLE).then(|| "ours".to_string());
        assert_eq!(my.password_from(ours).as_deref(), Some("ours"));
        let given = DbUrl::parse("mysql://me:given@h/db").expect("url");
        assert_eq!(given.password_from(env).as_deref(), Some("given"));
    }

    #[test]
    fn refuses_urls_without_user_database_or_host() {
        for text in [
            "postgres://h/db",
            "postgres://me@h/",
            "mysql://me@/db",
            "sqlite://me@h/db",
            "not a url",
        ] {
            assert!(DbUrl::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn redact_strips_the_password_and_nothing_else() {
        assert_eq!(
            redact("postgres://me:s3cret@h:5432/db?host=/x"),
            "postgres://me@h:5432/db?host=/x"
        );
        assert_eq!(redact("mysql://me@h/db"), "mysql://me@h/db");
        // Not a URL the parser takes: the password part still goes.
        assert_eq!(
            redact("mysql://me:s3cret@h:99999/db"),
            "mysql://me@h:99999/db"
        );
        let error = DbUrl::parse("postgres://me:s3cret@h:99999/db").expect_err("bad port");
        assert!(!error.to_string().contains("s3cret"), "{error}");
    }
}
