//! Every preset of the page runs: the examples without an error (and with at least one
//! value shown), the mistakes with the error they are there to show.

use assoc_playground::diagnostic::Severity;
use assoc_playground::examples::PRESETS;
use assoc_playground::runtime::StepEnd;

#[test]
fn every_preset_runs_as_intended() {
    assert!(PRESETS.len() >= 10);
    for preset in PRESETS {
        let mut now = 1_767_225_600_000_i64;
        let report = assoc_playground::run(
            preset.code,
            Box::new(move || {
                now += 1;
                now
            }),
        );
        if preset.mistake {
            assert!(
                report.error.is_some(),
                "{}: the mistake should fail",
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
