use super::*;
use crate::export::hashing::{normalise_email, normalise_phone, sha256_hex};

/// `printf '%s' VALUE | sha256sum`, computed outside this code.
const EMAIL_HASH: &str = "de8dd8f6d3fe80e20d3917c46e30c5e0cb74da56468a949aa2461a0d330dbfc8";
/// Of "+8618613076135" (Google: E.164 with the plus).
const PHONE_E164_HASH: &str = "739267ad5d9be0fdb906fba58c6076148f738c13a0a9efad0b64fc3f493398cd";
/// Of "8618613076135" (Meta: digits with the country code, no plus).
const PHONE_DIGITS_HASH: &str = "9245d08c1870e02ba696cac7303a4937d08b37e7134632237d80284b761dcdd2";

#[test]
fn normalised_sample_contacts_hash_to_known_values() {
    let email = normalise_email("  Jun.Wu818@Example.CN ").expect("an email");
    assert_eq!(email, "jun.wu818@example.cn");
    assert_eq!(sha256_hex(email.as_bytes()), EMAIL_HASH);
    for written in [
        "18613076135",
        "186 1307 6135",
        "+86 186-1307-6135",
        "0086 18613076135",
    ] {
        let phone = normalise_phone(written, "86").expect("a phone");
        assert_eq!(phone, "+8618613076135", "{written}");
        assert_eq!(sha256_hex(phone.as_bytes()), PHONE_E164_HASH);
    }
    // A national number with a trunk zero, another default country.
    assert_eq!(
        normalise_phone("020 7031 3000", "+44").as_deref(),
        Some("+442070313000")
    );
    assert_eq!(normalise_phone("12", "86"), None);
    assert_eq!(normalise_email("no-at-sign"), None);
}

fn audience() -> DataFrame {
    df!(
        "customer_id" => ["C1", "C2", "C3", "C4"],
        "email" => [Some(" Jun.Wu818@Example.CN"), Some("ctrl@x.com"), None, None],
        "phone" => [Some("186 1307 6135"), None, Some("n/a"), None],
        "first_name" => [Some("=HYPERLINK(\"x\")"), Some("Li"), None, Some("Wang")],
        "rec_1" => [Some("SKU1"), Some("SKU2"), None, Some("SKU3")],
        "group" => ["target", "control", "target", "target"],
    )
    .expect("audience")
}

fn options(format: CampaignFormat) -> CampaignExport {
    CampaignExport {
        format,
        bom: false,
        default_country_code: "86".into(),
        campaign_name: "spring".into(),
        headers: Headers::English,
    }
}

fn sidecar() -> Sidecar {
    Sidecar::new(serde_json::json!({"name": "spring"}), vec![], 7)
}

#[test]
fn ad_audience_files_hold_only_hashes_of_targets() {
    let folder = tempfile::tempdir().expect("temp dir");
    for (format, header, phone_hash) in [
        (CampaignFormat::Meta, "email,phone", PHONE_DIGITS_HASH),
        (CampaignFormat::Google, "Email,Phone", PHONE_E164_HASH),
    ] {
        let path = folder.path().join(format!("{}.csv", format.name()));
        let written =
            export_campaign(&audience(), &path, &options(format), &sidecar()).expect("export");
        // C2 is control; C3 has an unusable phone and no email; C4 has neither.
        assert_eq!(written.rows, 1);
        let text = std::fs::read_to_string(&path).expect("read");
        assert_eq!(text, format!("{header}\n{EMAIL_HASH},{phone_hash}\n"));
        assert!(!text.contains("example") && !text.contains("1861307"));
    }
}

#[test]
fn email_tool_files_use_their_column_names_and_neutralise_formulas() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("mailchimp.csv");
    export_campaign(
        &audience(),
        &path,
        &options(CampaignFormat::Mailchimp),
        &sidecar(),
    )
    .expect("export");
    let text = std::fs::read_to_string(&path).expect("read");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("Email Address,Phone Number,First Name,Last Name,TAGS,REC1")
    );
    assert_eq!(
        lines.next(),
        Some("jun.wu818@example.cn,+8618613076135,\"'=HYPERLINK(\"\"x\"\")\",,spring,SKU1")
    );
    assert_eq!(lines.count(), 2, "targets only: C1, C3, C4");
    let path = folder.path().join("klaviyo.csv");
    export_campaign(
        &audience(),
        &path,
        &options(CampaignFormat::Klaviyo),
        &sidecar(),
    )
    .expect("export");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(
        text.starts_with("email,phone_number,first_name,last_name,campaign,rec_1\n"),
        "{text}"
    );
}

#[test]
fn the_sidecar_records_the_definition_files_seed_and_rows() {
    let folder = tempfile::tempdir().expect("temp dir");
    let data = folder.path().join("orders.csv");
    std::fs::write(&data, "order_id,amount\n1,2\n").expect("write");
    let record = DataFileRecord::of(&data).expect("record");
    assert_eq!(record.name, "orders.csv");
    assert_eq!(record.size_bytes, 20);
    assert_eq!(
        record.sha256,
        sha256_hex(&std::fs::read(&data).expect("read"))
    );
    let path = folder.path().join("list.parquet");
    let side = Sidecar {
        data_files: vec![record.clone()],
        ..sidecar()
    };
    export_campaign(&audience(), &path, &options(CampaignFormat::Parquet), &side).expect("export");
    let written: Sidecar = serde_json::from_str(
        &std::fs::read_to_string(folder.path().join("list.parquet.json")).expect("sidecar"),
    )
    .expect("parses");
    assert_eq!(written.rows, 3);
    assert_eq!(written.control_file.as_deref(), Some("list.control.csv"));
    assert_eq!(written.control_rows, 1);
    assert_eq!(written.format, "parquet");
    assert_eq!(written.seed, 7);
    assert_eq!(written.data_files, vec![record]);
    assert_eq!(written.campaign["name"], "spring");
    // Parquet keeps every column of the targets, with neutralised text.
    let back = ParquetReader::new(std::fs::File::open(&path).expect("open"))
        .finish()
        .expect("reads");
    assert_eq!(back.height(), 3);
    let names = back.column("first_name").expect("column");
    assert_eq!(
        names.str().expect("text").get(0),
        Some("'=HYPERLINK(\"x\")")
    );
}

#[test]
fn an_export_interrupted_midway_leaves_the_previous_file() {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("list.parquet");
    export_campaign(
        &audience(),
        &path,
        &options(CampaignFormat::Parquet),
        &sidecar(),
    )
    .expect("first export");
    let before = std::fs::read(&path).expect("read");
    let smaller = audience().head(Some(1));
    // The new list is fully written to the temporary file, then the export fails
    // before the rename (a full disk on sync, a crash).
    let result = write_atomically(&path, |_, file| {
        write_parquet(&smaller, file, &path)?;
        Err(ExportError::Io {
            file: path.clone(),
            source: std::io::Error::other("interrupted"),
        })
    });
    assert!(result.is_err());
    assert_eq!(std::fs::read(&path).expect("read"), before);
    let leftovers: Vec<_> = std::fs::read_dir(folder.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn no_list_holds_the_control_group_which_is_written_beside_it() {
    let folder = tempfile::tempdir().expect("temp dir");
    for format in CampaignFormat::ALL {
        let extension = match format {
            CampaignFormat::Xlsx => "xlsx",
            CampaignFormat::Parquet => "parquet",
            _ => "csv",
        };
        let path = folder.path().join(format!("{}.{extension}", format.name()));
        let written =
            export_campaign(&audience(), &path, &options(format), &sidecar()).expect("export");
        let text = match format {
            CampaignFormat::Xlsx => xlsx_text(&path),
            CampaignFormat::Parquet => parquet_text(&path),
            _ => std::fs::read_to_string(&path).expect("read"),
        };
        assert!(
            text.contains("SKU1") || text.contains(EMAIL_HASH),
            "{format:?}: {text}"
        );
        // C2 (ctrl@x.com, SKU2, Li) is the control: in no list, hashed or not.
        let hashed = sha256_hex(b"ctrl@x.com");
        for control_value in ["C2", "ctrl@x.com", "SKU2", hashed.as_str()] {
            assert!(!text.contains(control_value), "{format:?}: {control_value}");
        }
        let control = folder.path().join(format!("{}.control.csv", format.name()));
        assert_eq!(written.control, Some((control.clone(), 1)));
        let control_text = std::fs::read_to_string(&control).expect("control file");
        let mut lines = control_text.lines();
        assert!(
            lines
                .next()
                .expect("header")
                .starts_with("customer_id,email")
        );
        assert!(lines.next().expect("row").starts_with("C2,ctrl@x.com"));
        assert_eq!(lines.next(), None);
    }
    // Without a control group no control file is written.
    let path = folder.path().join("all.csv");
    let targets_only = audience()
        .lazy()
        .filter(col("group").eq(lit("target")))
        .collect()
        .expect("targets");
    let written = export_campaign(
        &targets_only,
        &path,
        &options(CampaignFormat::Csv),
        &sidecar(),
    )
    .expect("export");
    assert_eq!((written.rows, written.control), (3, None));
    assert!(!folder.path().join("all.control.csv").exists());
}

/// Every cell of the first sheet, comma-joined.
fn xlsx_text(path: &Path) -> String {
    use calamine::Reader as _;
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(path).expect("open");
    let sheet = workbook
        .worksheet_range_at(0)
        .expect("a sheet")
        .expect("reads");
    sheet
        .rows()
        .map(|row| {
            row.iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every cell of a Parquet file, as the frame prints it.
fn parquet_text(path: &Path) -> String {
    let frame = ParquetReader::new(std::fs::File::open(path).expect("open"))
        .finish()
        .expect("reads");
    let ids = frame
        .column("customer_id")
        .expect("ids")
        .str()
        .expect("text")
        .clone();
    let recs = frame
        .column("rec_1")
        .expect("recs")
        .str()
        .expect("text")
        .clone();
    ids.iter()
        .chain(recs.iter())
        .flatten()
        .collect::<Vec<_>>()
        .join(",")
}

#[test]
fn contacts_are_normalised_by_libphonenumber_and_unusable_ones_counted() {
    use crate::export::hashing::check_country_code;
    for (written, e164) in [
        ("(+86) 18834848273", "+8618834848273"),
        ("86-13912345678", "+8613912345678"),
        ("+1 (650) 253-0000", "+16502530000"),
    ] {
        assert_eq!(
            normalise_phone(written, "86").as_deref(),
            Some(e164),
            "{written}"
        );
    }
    assert_eq!(
        normalise_phone("12345", "86"),
        None,
        "too short for any number"
    );
    assert!(check_country_code("abc").is_err() && check_country_code("999").is_err());
    assert!(check_country_code("86").is_ok() && check_country_code("+44").is_ok());
    assert_eq!(
        normalise_email(" mailto:Foo@Bar.com ").as_deref(),
        Some("foo@bar.com")
    );
    for bad in [
        "a@b",
        "two@x.com; three@y.com",
        "@x.com",
        "a@x.c",
        "a b@x.com",
    ] {
        assert_eq!(normalise_email(bad), None, "{bad}");
    }

    let folder = tempfile::tempdir().expect("temp dir");
    let targets = df!(
        "customer_id" => ["C1", "C2", "C3"],
        "email" => [Some("ok@x.com"), Some("a@b"), None],
        "phone" => [None, Some("12345"), Some("n/a")],
        "group" => ["target", "target", "target"],
    )
    .expect("frame");
    let path = folder.path().join("meta.csv");
    let written = export_campaign(&targets, &path, &options(CampaignFormat::Meta), &sidecar())
        .expect("export");
    assert_eq!(written.rows, 1, "only C1 has a usable contact");
    assert_eq!(written.skipped.invalid_emails, 1);
    assert_eq!(written.skipped.invalid_phones, 2);
    assert_eq!(written.skipped.without_contact, 2);
    assert_eq!(written.skipped.examples, ["a@b", "12345", "n/a"]);
    let described = written.describe(&path);
    assert!(described.contains("e.g. 'a@b'"), "{described}");
    let record: Sidecar =
        serde_json::from_str(&std::fs::read_to_string(sidecar_path(&path)).expect("sidecar"))
            .expect("json");
    // Counts only: the sidecar of a hashed audience holds no raw contact value.
    assert_eq!(
        (record.skipped.invalid_emails, record.skipped.invalid_phones),
        (1, 2)
    );
    assert_eq!(record.skipped.without_contact, 2);
    assert!(record.skipped.examples.is_empty());
    let text = std::fs::read_to_string(sidecar_path(&path)).expect("sidecar");
    assert!(!text.contains("a@b") && !text.contains("12345"), "{text}");

    let refused = export_campaign(
        &targets,
        &folder.path().join("x.csv"),
        &CampaignExport {
            default_country_code: "abc".into(),
            ..options(CampaignFormat::Meta)
        },
        &sidecar(),
    );
    assert!(matches!(refused, Err(ExportError::Invalid { .. })));
}
