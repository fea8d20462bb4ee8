//! Sequelize's naming helpers: plurals and case conversions ([`inflect`]).

pub mod inflect;
