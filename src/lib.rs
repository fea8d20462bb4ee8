//! The pure core of the association playground: Sequelize code in, what Sequelize 6
//! would make of it out. No browser, no clock, no IO — it builds and tests natively.
//!
//! The pipeline: [`syntax`] parses the snippet, [`interpret`] walks it and calls the
//! [`schema`] rules (Sequelize's `define`/`init` and the four association calls),
//! [`sql`] writes the DDL per dialect, and [`report`] gathers everything into the one
//! JSON value every face of the app consumes.

pub mod diagnostic;
pub mod syntax;
