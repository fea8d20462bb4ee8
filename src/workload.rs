//! The benchmark workload of issue 3, shared by the native benchmark
//! (`examples/bench_runtime.rs`) and the in-browser one (`tests/browser_bench.rs`):
//! N owners with 5 pugs each, `Owner.findAll({ include: Pug })` (the full include) and
//! `Owner.findAll({ where: { id }, include: Pug })` for ids 1, N/2 and N (the point
//! include, issue 13: a lookup by key).

use crate::plan::FindPlan;
use crate::runtime::find;
use crate::runtime::{write, RunLimits, Runtime};
use crate::schema::sync_order::sync_order;
use crate::schema::Schema;
use crate::value::Value;

const DEFINITIONS: &str = "const Owner = sequelize.define('owner', { name: DataTypes.STRING });
const Pug = sequelize.define('pug', { name: DataTypes.STRING });
Pug.belongsTo(Owner);
Owner.hasMany(Pug);";

/// A store holding `owners` owners with `pugs_each` pugs each, and the finds to time.
pub struct OwnersWithPugs {
    pub runtime: Runtime,
    pub schema: Schema,
    pub find: FindPlan,
    /// The point includes: each finds the owner of one id (1, N/2, N) with its pugs.
    pub point_finds: Vec<FindPlan>,
}

/// The owner ids the point includes look up: the first, the middle and the last.
pub fn point_ids(owners: usize) -> [usize; 3] {
    [1, owners.div_ceil(2).max(1), owners.max(1)]
}

impl OwnersWithPugs {
    pub fn new(owners: usize, pugs_each: usize) -> OwnersWithPugs {
        let (program, _) = crate::syntax::parse(DEFINITIONS);
        let schema = crate::interpret::run(&program, Default::default()).schema;
        let owner = schema.find_model("owner").expect("defined above");
        let pug = schema.find_model("pug").expect("defined above");
        let limits = RunLimits {
            max_statements: usize::MAX,
            max_rows: usize::MAX,
        };
        let mut runtime = Runtime::new(Box::new(|| 1_767_225_600_000), limits);
        let order = sync_order(&schema).expect("no cycles");
        runtime.sync(&schema, &order, true).expect("tables");
        let owner_rows: Vec<Value> = (0..owners)
            .map(|i| Value::Object(vec![("name".into(), Value::Str(format!("owner {i}")))]))
            .collect();
        write::bulk_create(&mut runtime, &schema, owner, &owner_rows, None, &[]).expect("owners");
        let pug_rows: Vec<Value> = (0..owners * pugs_each)
            .map(|i| {
                Value::Object(vec![
                    ("name".into(), Value::Str(format!("pug {i}"))),
                    ("ownerId".into(), Value::Number((i / pugs_each + 1) as f64)),
                ])
            })
            .collect();
        write::bulk_create(&mut runtime, &schema, pug, &pug_rows, None, &[]).expect("pugs");
        let include = Value::Object(vec![("include".into(), Value::Model(pug))]);
        let find = find::plan(&schema, owner, Some(&include)).expect("plan");
        let point_finds = point_ids(owners)
            .iter()
            .map(|&id| {
                let by_id = Value::Object(vec![("id".into(), Value::Number(id as f64))]);
                let options = Value::Object(vec![
                    ("where".into(), by_id),
                    ("include".into(), Value::Model(pug)),
                ]);
                find::plan(&schema, owner, Some(&options)).expect("plan")
            })
            .collect();
        OwnersWithPugs {
            runtime,
            schema,
            find,
            point_finds,
        }
    }

    /// Runs the find once; returns how many owners came back.
    pub fn run_find(&mut self) -> usize {
        find::find(&mut self.runtime, &self.schema, &self.find)
            .expect("find")
            .len()
    }

    /// Runs the point include of `point_ids(owners)[which]` once; returns how many pugs
    /// its owner came back with.
    pub fn run_point_find(&mut self, which: usize) -> usize {
        let found =
            find::find(&mut self.runtime, &self.schema, &self.point_finds[which]).expect("find");
        assert_eq!(found.len(), 1, "one owner has the id");
        let owner = found[0].borrow();
        match owner.get("pugs") {
            Some(Value::Array(pugs)) => pugs.len(),
            _ => 0,
        }
    }
}
