//! Comparing figures computed two ways (summed by a database, computed by
//! polars): equal up to the rounding of sums taken in another order.

use serde_json::Value;

/// Whether two numbers agree to 1e-9 of their size (sums in another order).
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// `a` equals `b`, numbers within [`close`] (sums in another order).
pub fn assert_close_json(a: &Value, b: &Value, path: &str) {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().expect("x"), y.as_f64().expect("y"));
            assert!(close(x, y), "{path}: pushed down {x}, fetched {y}");
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len(), "{path}");
            for (i, (x, y)) in x.iter().zip(y).enumerate() {
                assert_close_json(x, y, &format!("{path}[{i}]"));
            }
        }
        (Value::Object(x), Value::Object(y)) => {
            let keys = |o: &serde_json::Map<String, Value>| o.keys().cloned().collect::<Vec<_>>();
            assert_eq!(keys(x), keys(y), "{path}");
            for (key, x) in x {
                assert_close_json(x, &y[key], &format!("{path}.{key}"));
            }
        }
        (x, y) => assert_eq!(x, y, "{path}"),
    }
}
