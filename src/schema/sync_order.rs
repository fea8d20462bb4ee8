//! The order `sequelize.sync()` creates tables in: referenced tables first, by the same
//! depth-first topological sort Sequelize uses (the `toposort-class` package), so ties
//! come out exactly as Sequelize orders them.

use std::collections::HashMap;

use super::{ModelId, Schema};

/// Tables in creation order, or `None` when foreign keys form a cycle (Sequelize then
/// creates the tables without constraints and adds them afterwards).
pub fn sync_order(schema: &Schema) -> Option<Vec<ModelId>> {
    let graph = Graph::of(schema);
    let mut sorter = Sorter {
        graph: &graph,
        taken: vec![false; graph.names.len()],
        on_path: vec![false; graph.names.len()],
        sorted: Vec::new(),
    };
    for node in 0..graph.names.len() {
        if sorter.taken[node] {
            continue;
        }
        sorter.taken[node] = true;
        sorter.on_path[node] = true;
        for &dependency in &graph.dependencies[node] {
            sorter.visit(dependency)?;
        }
        sorter.on_path[node] = false;
        sorter.sorted.push(node);
    }
    // `sorted` was filled from the back in the original; reversing it twice (there and in
    // sync) leaves the push order, which is creation order.
    let model_of: HashMap<&str, ModelId> = schema
        .models
        .iter()
        .enumerate()
        .rev() // the first model of a table name wins, as `find_table` has it
        .map(|(id, model)| (model.table_name.as_str(), id))
        .collect();
    Some(
        sorter
            .sorted
            .iter()
            .filter_map(|&node| model_of.get(graph.names[node]).copied())
            .collect(),
    )
}

/// The sorter's input: each table once, numbered in the order the sorter first meets
/// it (a table, then the tables it references), with the tables it depends on.
struct Graph<'a> {
    names: Vec<&'a str>,
    dependencies: Vec<Vec<usize>>,
}

impl<'a> Graph<'a> {
    fn of(schema: &'a Schema) -> Graph<'a> {
        let mut graph = Graph {
            names: Vec::new(),
            dependencies: Vec::new(),
        };
        let mut numbers: HashMap<&'a str, usize> = HashMap::new();
        let mut number = |graph: &mut Graph<'a>, name: &'a str| {
            *numbers.entry(name).or_insert_with(|| {
                graph.names.push(name);
                graph.dependencies.push(Vec::new());
                graph.names.len() - 1
            })
        };
        for model in &schema.models {
            let table = number(&mut graph, &model.table_name);
            let references = model
                .attributes
                .iter()
                .filter_map(|(_, a)| a.references.as_ref()?.model.as_deref())
                .filter(|referenced| *referenced != model.table_name);
            for referenced in references {
                let dependency = number(&mut graph, referenced);
                graph.dependencies[table].push(dependency);
            }
        }
        graph
    }
}

struct Sorter<'a> {
    graph: &'a Graph<'a>,
    taken: Vec<bool>,
    /// The tables on the path from the current root: meeting one again is a cycle.
    on_path: Vec<bool>,
    sorted: Vec<usize>,
}

impl Sorter<'_> {
    fn visit(&mut self, node: usize) -> Option<()> {
        if self.on_path[node] {
            return None; // a cycle
        }
        if self.taken[node] {
            return Some(());
        }
        self.taken[node] = true;
        self.on_path[node] = true;
        for &dependency in &self.graph.dependencies[node] {
            self.visit(dependency)?;
        }
        self.on_path[node] = false;
        self.sorted.push(node);
        Some(())
    }
}
