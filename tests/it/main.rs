//! Integration tests: one module per feature, each against small fixture
//! sites in `tests/fixtures/<feature>/<case>/` copied into a temporary folder.

mod book;
mod browser;
mod bundled;
mod cli;
mod cross_links;
mod docs;
mod edge;
mod errors;
mod exports;
mod import;
mod live;
mod organizations;
mod output;
mod people;
mod photos;
mod programme;
mod properties;
mod safety;
mod serve;
mod snapshots;
mod validators;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// A fixture site copied into a temporary folder, built with the real binary.
pub struct SiteTest {
    dir: tempfile::TempDir,
}

impl SiteTest {
    /// Copies `tests/fixtures/<fixture>` into a fresh temporary folder.
    pub fn new(fixture: &str) -> SiteTest {
        let dir = tempfile::tempdir().expect("tempdir");
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(fixture);
        copy_dir(&src, dir.path());
        SiteTest { dir }
    }

    /// The site folder.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Runs `proceedings ARGS…` inside the site folder.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::cargo_bin("proceedings")
            .expect("binary")
            .args(args)
            .current_dir(self.root())
            .env("NO_COLOR", "1")
            .output()
            .expect("runs")
    }

    /// `proceedings build`, which must succeed.
    pub fn build(&self, extra: &[&str]) -> &Self {
        let mut args = vec!["build"];
        args.extend_from_slice(extra);
        let out = self.run(&args);
        assert!(
            out.status.success(),
            "build failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        self
    }

    /// A file of the built site (`public/` by default); a `.gz` file (a part of a
    /// data export) as the text it holds.
    pub fn read(&self, path: &str) -> String {
        let p = self.root().join("public").join(path);
        if path.ends_with(".gz") {
            use std::io::Read;
            let file = std::fs::File::open(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let mut text = String::new();
            flate2::read::GzDecoder::new(file)
                .read_to_string(&mut text)
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            return text;
        }
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    }

    /// Whether the built site has `path`.
    pub fn exists(&self, path: &str) -> bool {
        self.root().join("public").join(path).exists()
    }

    /// Writes a file into the site.
    pub fn write(&self, path: &str, text: &str) {
        let p = self.root().join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }
}

/// The `<main>` element of a page: the part themes do not repeat.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("<main>");
    let end = html.find("</main>").expect("</main>") + "</main>".len();
    &html[start..end]
}

fn copy_dir(src: &Path, dst: &Path) {
    for entry in std::fs::read_dir(src).unwrap_or_else(|e| panic!("{}: {e}", src.display())) {
        let entry = entry.expect("entry");
        let target: PathBuf = dst.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
