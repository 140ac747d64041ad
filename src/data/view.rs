//! Row views for the table: sort and text filter as index vectors (run as jobs).
