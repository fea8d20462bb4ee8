//! Every preset of the page runs: the examples without an error (and with at least one
//! value shown), the mistakes with the very error they are there to show.

use assoc_playground::diagnostic::Severity;
use assoc_playground::examples::PRESETS;
use assoc_playground::runtime::StepEnd;

use super::support;

/// Each mistake preset's error: its name and the start of its message.
const MISTAKES: &[(&str, &str, &str)] = &[
    (
        "mistake-missing-as",
        "SequelizeEagerLoadingError",
        "pug is associated to owner using an alias.",
    ),
    (
        "mistake-one-sided",
        "SequelizeEagerLoadingError",
        "pug is not associated to owner!",
    ),
    (
        "mistake-collision",
        "Error",
        "Naming collision between attribute 'owner' and association 'owner'",
    ),
];

#[test]
fn every_preset_runs_as_intended() {
    assert!(PRESETS.len() >= 10);
    for preset in PRESETS {
        let report = support::check(preset.code);
        if preset.mistake {
            let Some((_, name, message)) = MISTAKES.iter().find(|(id, ..)| *id == preset.id) else {
                panic!(
                    "{}: add the error this mistake shows to MISTAKES",
                    preset.id
                );
            };
            let error = report.error.as_ref();
            assert!(
                error.is_some_and(|e| e.name == *name && e.message.starts_with(message)),
                "{}: wanted {name}: {message}…, got {error:?}",
                preset.id
            );
        } else {
            assert!(report.error.is_none(), "{}: {:?}", preset.id, report.error);
            let errors: Vec<_> = report
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", preset.id);
            assert!(
                report
                    .steps
                    .iter()
                    .any(|s| matches!(s.end, StepEnd::Show { .. })),
                "{}: shows nothing",
                preset.id
            );
        }
    }
}
