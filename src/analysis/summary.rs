//! Dataset summary and daily revenue.
