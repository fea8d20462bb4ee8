//! The four tutorial documents the project grew from (`tests/seeds/`, copies of
//! `shared/seeds/`): their code, pasted verbatim, gives what the documents say.

use assoc_playground::report::Report;

/// Every ```js / ```javascript block of a document, in order, as one snippet.
fn seed_code(name: &str) -> String {
    let text = std::fs::read_to_string(format!("tests/seeds/{name}.md")).expect("seed exists");
    let mut code = String::new();
    let mut inside = false;
    for line in text.lines() {
        let fence = line.trim_start();
        if let Some(info) = fence.strip_prefix("```") {
            if inside {
                inside = false;
            } else if matches!(info.trim(), "js" | "javascript") {
                inside = true;
            }
            continue;
        }
        if inside {
            code.push_str(line);
            code.push('\n');
        }
    }
    code
}

fn analyze(name: &str) -> Report {
    assoc_playground::analyze(&seed_code(name))
}

fn table_line(report: &Report, table: &str) -> String {
    report
        .tables
        .iter()
        .find(|t| t.table_name == table)
        .unwrap_or_else(|| panic!("no table {table}"))
        .line
        .clone()
}

fn methods_of(report: &Report, model: &str) -> Vec<String> {
    report
        .associations
        .iter()
        .find(|a| a.model == model)
        .unwrap_or_else(|| panic!("no model {model}"))
        .instance_methods
        .clone()
}

#[test]
fn the_copies_match_shared_seeds() {
    let shared = std::path::Path::new("../shared/seeds");
    if !shared.exists() {
        return; // a clone without shared/ beside it: the copies stand alone
    }
    for entry in std::fs::read_dir("tests/seeds").unwrap() {
        let path = entry.unwrap().path();
        let original = std::fs::read_to_string(shared.join(path.file_name().unwrap())).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            original,
            "{} differs from shared/seeds",
            path.display()
        );
    }
}

#[test]
fn one_to_one_pug_owner() {
    let report = analyze("one-to-one-pug-owner");
    // Pug and Owner are not defined in the document: the playground stands in models for them.
    assert_eq!(
        table_line(&report, "pugs"),
        "id | createdAt | updatedAt | ownerId"
    );
    assert_eq!(table_line(&report, "owners"), "id | createdAt | updatedAt");
    assert_eq!(
        methods_of(&report, "pug"),
        ["createOwner", "getOwner", "setOwner"]
    );
    assert_eq!(
        methods_of(&report, "owner"),
        ["createPug", "getPug", "setPug"]
    );
    // `pug.getOwner()` on a pug that was never created stops the run, as in Node.
    let error = report.error.expect("pug is not defined");
    assert_eq!(
        (error.name.as_str(), error.message.as_str()),
        ("ReferenceError", "pug is not defined")
    );
}

#[test]
fn one_to_many_pug_owner() {
    let report = analyze("one-to-many-pug-owner");
    assert_eq!(
        table_line(&report, "pugs"),
        "id | createdAt | updatedAt | ownerId"
    );
    assert_eq!(
        methods_of(&report, "pug"),
        ["createOwner", "getOwner", "setOwner"]
    );
    let mut expected = vec![
        "getPugs",
        "setPugs",
        "createPug",
        "addPug",
        "addPugs",
        "removePug",
        "removePugs",
        "hasPug",
        "hasPugs",
        "countPugs",
    ];
    expected.sort();
    assert_eq!(methods_of(&report, "owner"), expected);
}

#[test]
fn one_to_one_user_profile() {
    let report = analyze("one-to-one-user-profile");
    assert_eq!(
        table_line(&report, "profiles"),
        "id | createdAt | updatedAt | userId"
    );
    let ddl = serde_json::to_value(&report.ddl).unwrap();
    let mysql = ddl["mysql"]["createTable"].as_array().expect("mysql DDL");
    assert!(mysql[0]
        .as_str()
        .unwrap()
        .starts_with("CREATE TABLE IF NOT EXISTS `users` (`id` INTEGER NOT NULL auto_increment ,"));
    assert!(mysql[1].as_str().unwrap().ends_with(
        "PRIMARY KEY (`id`), FOREIGN KEY (`userId`) REFERENCES `users` (`id`) ON DELETE SET NULL ON UPDATE CASCADE) ENGINE=InnoDB;"
    ));
    assert_eq!(
        methods_of(&report, "user"),
        ["createProfile", "getProfile", "setProfile"]
    );
    // The document's last block runs into the page template; that is reported, and the rest works.
    assert!(report
        .diagnostics
        .iter()
        .any(|d| d.message.contains("Unexpected")));
    assert!(report.error.is_none(), "{:?}", report.error);
}

#[test]
fn one_to_one_users_stories() {
    let code = seed_code("one-to-one-users-stories");
    let report = assoc_playground::analyze(&code);
    assert!(report.error.is_none(), "{:?}", report.error);
    let stories = report
        .associations
        .iter()
        .find(|a| a.model == "Stories")
        .unwrap();
    let author = &stories.associations[0];
    assert_eq!(
        (
            author.key.as_str(),
            author.association_type,
            author.foreign_key.as_str()
        ),
        ("author", "BelongsTo", "created_by")
    );
    let users = report
        .associations
        .iter()
        .find(|a| a.model == "users")
        .unwrap();
    let story = &users.associations[0];
    assert_eq!(
        (
            story.key.as_str(),
            story.association_type,
            story.foreign_key.as_str()
        ),
        ("story", "HasOne", "created_by")
    );
    assert_eq!(
        table_line(&report, "stories"),
        "story_id | created_by | title | content | created_at | updated_at"
    );
    // The document's `created_by: 1 // user id` has no comma after it: located, and read through.
    let missing_comma = report
        .diagnostics
        .iter()
        .find(|d| d.message.starts_with("Missing ','"))
        .expect("reported");
    assert_eq!(&code[missing_comma.start..missing_comma.end], "1");
}
