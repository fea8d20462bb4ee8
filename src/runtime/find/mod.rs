//! `findAll`, `findOne`, `findByPk` and `count`: reading Sequelize's find options
//! into a query plan ([`options`]), logging the SELECT Sequelize would send, and
//! answering from the store level by level ([`load`]: one query per include, the
//! plan's `where` as the store's filter by [`filter`]), nested in Rust ([`nest`]) the
//! way the rows would come back from the join.

mod expr;
mod filter;
mod functions;
mod group;
mod load;
mod nest;
mod options;
mod postgres_groups;
mod query;
mod statement;

pub use expr::{compute_on_row, has_sql};
pub use filter::store_filter;
pub use group::{aggregate, count_grouped};
pub use load::{count, find, keep_passing, select_by_keys};
pub use nest::answer;
pub use options::{
    all_attributes, by_key, is_primary_key_lookup, is_unique_lookup, join_model_include,
    literal_of, parse_attributes, parse_includes, parse_where, plan, postgres_reads, scope_values,
    unknown_column, with_paranoid_clause,
};
pub use query::{is_run, raw_query};
