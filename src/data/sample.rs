//! The seeded sample shop.
