use super::*;
use crate::analysis::campaign::{Condition, GROUP_COLUMN, Purchase};
use crate::data::{LoadOptions, inspect};

const ORDERS: &str = "order_id,customer_id,order_time,category,amount
O1,A,2024-01-05 10:00:00,shoes,100
O2,B,2024-01-06 10:00:00,bags,50
O3,C,2024-01-07 10:00:00,shoes,70
O4,D,2024-01-08 10:00:00,shoes,30
O5,A,2024-01-09 10:00:00,bags,20
";

const CUSTOMERS: &str = "customer_id,email,phone
A,a@x.com,13800000001
B,b@x.com,
C,,13800000003
D,d@x.com,
";

fn shoe_buyers_with_email() -> CampaignDef {
    let mut campaign = CampaignDef::new(
        "shoes",
        Condition::All {
            of: vec![
                Condition::Bought {
                    what: Purchase::Category("shoes".into()),
                    bought: true,
                    from: None,
                    to: None,
                },
                Condition::HasEmail,
            ],
        },
    );
    campaign.control_share = 0.5;
    campaign.seed = 11;
    campaign
}

fn ids_and_groups(audience: &Audience) -> Vec<(String, String)> {
    let column = |name: &str| -> Vec<String> {
        audience
            .frame
            .column(name)
            .expect("column")
            .cast(&polars::prelude::DataType::String)
            .expect("text")
            .str()
            .expect("text")
            .iter()
            .map(|v| v.unwrap_or_default().to_string())
            .collect()
    };
    column("customer_id")
        .into_iter()
        .zip(column(GROUP_COLUMN))
        .collect()
}

#[test]
fn save_then_open_gives_the_same_audience_and_reports_changed_files() {
    let folder = tempfile::tempdir().expect("temp dir");
    let orders = folder.path().join("orders.csv");
    let customers = folder.path().join("customers.csv");
    std::fs::write(&orders, ORDERS).expect("write");
    std::fs::write(&customers, CUSTOMERS).expect("write");
    let mut project = Project::default();
    for path in [&orders, &customers] {
        let options = LoadOptions::from_inspection(&inspect(path, None).expect("inspects"));
        project
            .add_file(path, options, folder.path())
            .expect("adds");
    }
    assert_eq!(project.files[0].path, PathBuf::from("orders.csv"));
    project.put_campaign(shoe_buyers_with_email());
    let path = folder.path().join("shop.marketbench.json");
    project.save(&path).expect("saves");

    let opened = Project::open(&path).expect("opens");
    assert_eq!(opened.project, project);
    assert_eq!(opened.problems().count(), 0);
    let store = opened.load_store(&Progress::detached()).expect("loads");
    let audience = opened
        .audience("shoes", &store, None, &Progress::detached())
        .expect("audience");
    // Shoe buyers A, C, D; C has no email. One of the two is held out.
    let first = ids_and_groups(&audience);
    let ids: Vec<&str> = first.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["A", "D"]);
    assert_eq!((audience.targets, audience.controls), (1, 1));
    let again = Project::open(&path).expect("opens");
    let store = again.load_store(&Progress::detached()).expect("loads");
    let second = again
        .audience("shoes", &store, None, &Progress::detached())
        .expect("audience");
    assert_eq!(ids_and_groups(&second), first);
    assert!(matches!(
        again.audience("nope", &store, None, &Progress::detached()),
        Err(ProjectError::NoCampaign { .. })
    ));

    // A changed file is reported; a missing one refuses to load, naming it.
    std::fs::write(
        &orders,
        format!("{ORDERS}O6,B,2024-01-10 10:00:00,shoes,5\n"),
    )
    .expect("write");
    std::fs::remove_file(&customers).expect("remove");
    let opened = Project::open(&path).expect("opens");
    let problems: Vec<&FileCheck> = opened.problems().collect();
    assert_eq!(problems.len(), 2);
    assert!(matches!(problems[0].status, FileStatus::Changed { .. }));
    assert!(problems[0].describe().contains("changed"));
    assert_eq!(problems[1].status, FileStatus::Missing);
    let error = opened
        .load_store(&Progress::detached())
        .expect_err("a file is missing");
    assert!(error.to_string().contains("customers.csv"), "{error}");
}

#[test]
fn a_project_from_a_newer_version_is_refused() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("future.json");
    std::fs::write(&path, r#"{"version": 99, "files": []}"#).expect("write");
    let error = Project::open(&path).expect_err("newer");
    assert!(error.to_string().contains("update Marketbench"), "{error}");
    std::fs::write(&path, "not json").expect("write");
    assert!(matches!(
        Project::open(&path),
        Err(ProjectError::Parse { .. })
    ));
}

#[test]
fn a_first_format_file_with_its_scenarios_list_still_opens() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("old.json");
    let old = r#"{"version": 1, "files": [], "segment_names": {"k3|recency|0.1": "Loyal"},
        "model_settings": {}, "campaigns": [], "scenarios": []}"#;
    std::fs::write(&path, old).expect("write");
    let opened = Project::open(&path).expect("opens");
    assert_eq!(opened.project.segment_names["k3|recency|0.1"], "Loyal");
    assert!(opened.project.model_settings.is_empty());
}
