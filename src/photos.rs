//! Speaker photos: the site's own image files that `data/speakers.yaml` names with a
//! path (`photo: img/ana-lima.jpg`, the file in `static/`), cropped to a square around
//! their centre and resized to the sizes pages show, as JPEG. A photo given as an
//! address elsewhere (`https://…`) is linked as it is: the build fetches nothing.
//!
//! This stage runs after load, beside resolve: it reads files, so render need not.
//! Resizing is its slow part, so each resized file is named by a hash of the
//! original's bytes and taken from the previous build's output when it is there.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;

use image::imageops::FilterType;
use image::{DynamicImage, RgbImage};
use rayon::prelude::*;

use crate::content::{SitePaths, Sources};
use crate::diag::{Diagnostic, Diagnostics};
use crate::url::Link;

/// The square sizes written, in pixels: the speaker page's photo at 1× and 2×, and
/// the larger one for `og:image` (link previews want at least 200 px).
pub const SIZES: [u32; 3] = [96, 192, 400];

/// The size shown on a speaker's page (its `srcset` adds the next for 2× screens).
pub const SHOWN: u32 = SIZES[0];

/// The size given as `og:image`.
pub const PREVIEW: u32 = SIZES[2];

/// JPEG quality of the resized files: no visible loss at these sizes.
const QUALITY: u8 = 85;

/// The resized photos of a site, by the link `data/speakers.yaml` gives.
#[derive(Clone, Debug, Default)]
pub struct Photos {
    by_link: BTreeMap<String, Resized>,
}

/// One photo, resized: the hash that names its files, and the files.
#[derive(Clone, Debug)]
pub struct Resized {
    key: String,
    files: Vec<(String, Vec<u8>)>,
}

impl Resized {
    /// The output path of the file of `size` pixels (one of [`SIZES`]).
    pub fn path(&self, size: u32) -> String {
        crate::routes::photo(&self.key, size)
    }
}

impl Photos {
    /// The resized files of the photo `link` names, when it is the site's own.
    pub fn get(&self, link: &Link) -> Option<&Resized> {
        self.by_link.get(link.as_str())
    }

    /// Whether the site has no photo of its own.
    pub fn is_empty(&self) -> bool {
        self.by_link.is_empty()
    }

    /// Every resized file: (output path, bytes).
    pub fn files(&self) -> impl Iterator<Item = (&str, &[u8])> {
        (self.by_link.values())
            .flat_map(|r| r.files.iter().map(|(p, b)| (p.as_str(), b.as_slice())))
    }
}

/// Reads, crops and resizes every photo of `sources` that is a file of the site's
/// `static/`; `previous` is the output folder of the last build, whose resized files
/// are reused. A missing or unreadable photo is an error at its `photo:` line.
pub fn prepare(
    paths: &SitePaths,
    sources: &Sources,
    previous: &Path,
    diags: &mut Diagnostics,
) -> Photos {
    let file = &sources.speakers_file;
    // Each photo once, however many people share it.
    let mut wanted: BTreeMap<String, (String, Option<crate::diag::Location>)> = BTreeMap::new();
    for rec in &sources.speakers {
        let Some(photo) = &rec.photo else { continue };
        if let Some(path) = photo.value.site_path() {
            (wanted.entry(photo.value.as_str().to_string()))
                .or_insert_with(|| (path, crate::model::locate(photo)));
        }
    }
    let done: Vec<(String, Result<Resized, Diagnostic>)> = wanted
        .into_par_iter()
        .map(|(link, (path, at))| {
            let resized = read(paths, &path).and_then(|bytes| resize(&bytes, previous));
            let resized = resized.map_err(|why| {
                Diagnostic::error(file, at, format!("the photo `{link}` {}", why.message))
                    .with_help(why.help)
            });
            (link, resized)
        })
        .collect();
    let mut photos = Photos::default();
    for (link, resized) in done {
        match resized {
            Ok(r) => {
                photos.by_link.insert(link, r);
            }
            Err(d) => diags.push(d),
        }
    }
    photos
}

/// What went wrong with one photo, and how to fix it.
struct Why {
    message: String,
    help: String,
}

/// The bytes of `static/<path>`, never from outside the site.
fn read(paths: &SitePaths, path: &str) -> Result<Vec<u8>, Why> {
    let file = paths.static_files.join(path);
    let missing = || Why {
        message: format!("is not in static/ (looked for {})", file.display()),
        help: format!(
            "put the image at {}, or give its full address (https://…)",
            file.display()
        ),
    };
    if path.split('/').any(|part| part == "..") || !file.is_file() {
        return Err(missing());
    }
    crate::content::files::check_inside(paths, &file).map_err(|d| Why {
        message: d.message,
        help: d.help.unwrap_or_default(),
    })?;
    std::fs::read(&file).map_err(|e| Why {
        message: format!("cannot be read ({e})"),
        help: "check the file's permissions".into(),
    })
}

/// The photo cropped and resized to every size of [`SIZES`], or the files of an
/// earlier build of the same bytes when `previous` has them all.
fn resize(bytes: &[u8], previous: &Path) -> Result<Resized, Why> {
    let key = format!("{:016x}", fnv1a(bytes));
    let paths: Vec<String> = SIZES
        .iter()
        .map(|&s| crate::routes::photo(&key, s))
        .collect();
    let reused: Option<Vec<Vec<u8>>> = paths
        .iter()
        .map(|p| std::fs::read(previous.join(p)).ok())
        .collect();
    if let Some(files) = reused {
        return Ok(Resized {
            key,
            files: paths.into_iter().zip(files).collect(),
        });
    }
    let image = image::load_from_memory(bytes).map_err(|e| Why {
        message: format!("is not an image this build can read ({e})"),
        help: "save it as JPEG, PNG or WebP".into(),
    })?;
    let square = square(&image);
    let mut files = Vec::with_capacity(SIZES.len());
    for (&size, path) in SIZES.iter().zip(paths) {
        let small = image::imageops::resize(&square, size, size, FilterType::Lanczos3);
        let mut out = Cursor::new(Vec::new());
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, QUALITY)
            .encode_image(&small)
            .map_err(|e| Why {
                message: format!("could not be resized ({e})"),
                help: "save it again as a plain JPEG or PNG".into(),
            })?;
        files.push((path, out.into_inner()));
    }
    Ok(Resized { key, files })
}

/// The largest centred square of `image`, on white where it was transparent.
fn square(image: &DynamicImage) -> RgbImage {
    let (w, h) = (image.width(), image.height());
    let side = w.min(h);
    let cropped = image.crop_imm((w - side) / 2, (h - side) / 2, side, side);
    let rgba = cropped.to_rgba8();
    let mut rgb = RgbImage::new(side, side);
    for (x, y, p) in rgba.enumerate_pixels() {
        let a = u32::from(p[3]);
        let over = |c: u8| ((u32::from(c) * a + 255 * (255 - a)) / 255) as u8;
        rgb.put_pixel(x, y, image::Rgb([over(p[0]), over(p[1]), over(p[2])]));
    }
    rgb
}

/// What a page shows where a person has no photo: the first letters of their first
/// and last names ("Ana María Lima" -> "AL"), in capitals.
pub fn initials(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = |w: &&str| w.chars().find(|c| c.is_alphanumeric());
    let mut out = String::new();
    out.extend(
        words
            .first()
            .and_then(first)
            .into_iter()
            .flat_map(char::to_uppercase),
    );
    if words.len() > 1 {
        out.extend(
            words
                .last()
                .and_then(first)
                .into_iter()
                .flat_map(char::to_uppercase),
        );
    }
    out
}

/// FNV-1a, 64 bits: a stable name for a photo's bytes (not a defence against anyone:
/// the site's own files).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::ImageFormat;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = RgbImage::from_fn(w, h, |x, _| image::Rgb([(x % 256) as u8, 80, 160]));
        let mut out = Cursor::new(Vec::new());
        DynamicImage::ImageRgb8(img)
            .write_to(&mut out, ImageFormat::Png)
            .expect("png");
        out.into_inner()
    }

    #[test]
    fn a_photo_is_cropped_square_and_written_at_every_size() {
        let dir = tempfile::tempdir().expect("tmp");
        let r = resize(&png(300, 200), dir.path()).ok().expect("resized");
        assert_eq!(r.files.len(), SIZES.len());
        for ((path, bytes), size) in r.files.iter().zip(SIZES) {
            assert!(path.ends_with(&format!("-{size}.jpg")), "{path}");
            let img = image::load_from_memory(bytes).expect("jpeg");
            assert_eq!((img.width(), img.height()), (size, size));
        }
    }

    #[test]
    fn an_earlier_builds_files_are_reused_and_other_bytes_are_an_error() {
        let dir = tempfile::tempdir().expect("tmp");
        let bytes = png(50, 80);
        let key = format!("{:016x}", fnv1a(&bytes));
        for size in SIZES {
            let p = dir.path().join(crate::routes::photo(&key, size));
            std::fs::create_dir_all(p.parent().expect("parent")).expect("dir");
            std::fs::write(&p, b"kept").expect("write");
        }
        let r = resize(&bytes, dir.path()).ok().expect("reused");
        assert!(r.files.iter().all(|(_, b)| b == b"kept"));
        assert!(resize(b"not an image", dir.path()).is_err());
    }

    #[test]
    fn initials_are_the_first_and_last_names_first_letters() {
        assert_eq!(initials("Ana María Lima"), "AL");
        assert_eq!(initials("Zhào"), "Z");
        assert_eq!(initials("  "), "");
        assert_eq!(initials("(Bo) chen"), "BC");
    }

    #[test]
    fn transparency_becomes_white() {
        let clear = image::RgbaImage::from_pixel(4, 4, image::Rgba([0, 0, 0, 0]));
        let rgb = square(&DynamicImage::ImageRgba8(clear));
        assert_eq!(rgb.get_pixel(0, 0).0, [255, 255, 255]);
    }
}
