use marketbench::data::sample::{SampleConfig, write_sample};

#[test]
#[ignore]
fn dump() {
    let out = std::path::PathBuf::from("/tmp/sample-out");
    let t = std::time::Instant::now();
    let files = write_sample(&SampleConfig::default(), &out).expect("write");
    eprintln!("{files:?} in {:?}", t.elapsed());
}
