//! The `osteoviz` command line: the same state, model and scene as the web app.
//!
//! It may import every layer of the library (state, model, scene, and `raster` for PNG); nothing
//! imports it.

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use clap::{Parser, Subcommand};
    use osteoviz::model::Ray;
    use osteoviz::raster;
    use osteoviz::scene::{self, SceneOptions};
    use osteoviz::state::compare::{compared_state, figure_title};
    use osteoviz::state::lesson::{built_in, check::check, Lesson, BUILT_IN};
    use osteoviz::state::plan::parse_plan_query_with;
    use osteoviz::state::query::{parse_query, parse_query_with, Notice};
    use osteoviz::state::readouts::report_in;
    use osteoviz::state::view::{Lang, Theme};
    use osteoviz::state::{to_query, Preset};
    use std::path::Path;
    use std::process::ExitCode;

    /// The largest image side accepted (pixels).
    const MAX_PX: i64 = 16384;

    /// Geometry of the Distal Minimally invasive Metatarsal Osteotomy (DMMO).
    #[derive(Parser)]
    #[command(name = "osteoviz", version, about)]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Evaluate a query (e.g. 'preset=dmmo&ray=3&slide=-1') and print its outcomes as JSON.
        Eval {
            /// The URL query: keys ray, cut, ref, at, kerf, close, slide, tilt, decl, len, mu,
            /// pull, preset (see the README).
            query: String,
            /// Treat any warning (unknown key, clamped value) as an error.
            #[arg(long)]
            strict: bool,
            /// Language of the `summary` and `warnings` texts: en (default), fr or es. The
            /// JSON keys and numbers do not change.
            #[arg(long)]
            lang: Option<String>,
        },
        /// List the presets with their query strings.
        Presets,
        /// List the built-in lessons: name, title, number of steps.
        Lessons {
            /// Language of the titles: en (default), fr or es.
            #[arg(long)]
            lang: Option<String>,
        },
        /// Print or check a lesson (README "Lessons").
        Lesson {
            #[command(subcommand)]
            command: LessonCommand,
        },
        /// Draw a query as an SVG or PNG file (the same drawing as the page), or every step of
        /// a lesson as slide figures with their captions (`--lesson`).
        Render {
            /// The URL query, as for `eval`; it may also hold the page's `theme` and `lang`.
            #[arg(required_unless_present = "lesson")]
            query: Option<String>,
            /// Output file: .svg, or .png (the same SVG rasterised); with `--lesson`, a
            /// directory (made if missing) that receives step-01.png, step-02.png, …
            #[arg(short, long)]
            output: std::path::PathBuf,
            /// A built-in lesson's name or a lesson file: one figure per step.
            #[arg(long, conflicts_with = "query")]
            lesson: Option<String>,
            /// With `--lesson`: png (default) or svg.
            #[arg(long, requires = "lesson")]
            format: Option<String>,
            /// Width in pixels.
            #[arg(long, default_value_t = 1920, value_parser = clap::value_parser!(u32).range(1..=MAX_PX))]
            width: u32,
            /// Height in pixels.
            #[arg(long, default_value_t = 1080, value_parser = clap::value_parser!(u32).range(1..=MAX_PX))]
            height: u32,
            /// light, dark or projector (default: the query's `theme`, else light).
            #[arg(long)]
            theme: Option<String>,
            /// No background: a transparent PNG, an SVG without its background rectangle.
            #[arg(long)]
            transparent: bool,
            /// Language of the drawing's labels: en, fr or es (default: the query's `lang`,
            /// else en).
            #[arg(long)]
            lang: Option<String>,
        },
    }

    #[derive(Subcommand)]
    enum LessonCommand {
        /// Print a built-in lesson as a lesson file (JSON), in every language or in one.
        Show {
            /// The lesson's name (`osteoviz lessons` lists them).
            name: String,
            /// Only this language's texts: en, fr or es (default: all three).
            #[arg(long)]
            lang: Option<String>,
        },
        /// Check a lesson: each query reads, each expectation holds, each challenge starts
        /// unsolved and has a solution among its controls. Exit status 1 if not, each problem
        /// printed with its step and field.
        Check {
            /// A built-in lesson's name or a lesson file.
            lesson: String,
        },
    }

    pub(super) fn main() -> ExitCode {
        let cli = Cli::parse();
        match cli.command {
            Command::Eval {
                query,
                strict,
                lang,
            } => match language(lang.as_deref().unwrap_or("en")) {
                Some(lang) => eval(&query, strict, lang),
                None => ExitCode::from(2),
            },
            Command::Render {
                query,
                output,
                lesson,
                format,
                width,
                height,
                theme,
                transparent,
                lang,
            } => match (lesson, query) {
                (Some(lesson), _) => render_lesson(
                    &lesson,
                    &output,
                    format.as_deref(),
                    (width, height),
                    (theme.as_deref(), lang.as_deref()),
                    transparent,
                ),
                (None, query) => render(
                    query.as_deref().unwrap_or_default(),
                    &output,
                    (width, height),
                    (theme.as_deref(), lang.as_deref()),
                    transparent,
                ),
            },
            Command::Lessons { lang } => match language(lang.as_deref().unwrap_or("en")) {
                Some(lang) => {
                    for (name, _) in BUILT_IN {
                        let Some(l) = built_in(name) else { continue };
                        println!(
                            "{name:<14} {:<2} steps  {}",
                            l.steps.len(),
                            l.title.get(lang)
                        );
                    }
                    ExitCode::SUCCESS
                }
                None => ExitCode::from(2),
            },
            Command::Lesson {
                command: LessonCommand::Show { name, lang },
            } => {
                let lang = match lang.as_deref().map(language) {
                    Some(None) => return ExitCode::from(2),
                    Some(Some(l)) => Some(l),
                    None => None,
                };
                match built_in(&name) {
                    Some(l) => {
                        print!("{}", l.to_json_text(lang));
                        ExitCode::SUCCESS
                    }
                    None => {
                        eprintln!(
                            "osteoviz: no built-in lesson \"{name}\": use one of {}",
                            BUILT_IN.map(|(n, _)| n).join(", ")
                        );
                        ExitCode::from(2)
                    }
                }
            }
            Command::Lesson {
                command: LessonCommand::Check { lesson },
            } => check_lesson(&lesson),
            Command::Presets => {
                for p in Preset::ALL {
                    println!(
                        "{:<14} {:<40} {}",
                        p.name(),
                        to_query(&p.state(Ray::M2)),
                        p.description()
                    );
                }
                ExitCode::SUCCESS
            }
        }
    }

    /// The output formats of `render`, chosen by the file's extension.
    #[derive(Clone, Copy, PartialEq)]
    enum Format {
        Svg,
        Png,
    }

    fn format_of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            _ => None,
        }
    }

    /// A `--lang` or `lang=` value, or an error message and `None`.
    fn language(tag: &str) -> Option<Lang> {
        let lang = Lang::from_tag(tag);
        if lang.is_none() {
            let codes: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
            eprintln!(
                "osteoviz: unknown language \"{tag}\": use one of {}",
                codes.join(", ")
            );
        }
        lang
    }

    fn render(
        query: &str,
        output: &Path,
        (width, height): (u32, u32),
        (theme, lang): (Option<&str>, Option<&str>),
        transparent: bool,
    ) -> ExitCode {
        let Some(format) = format_of(output) else {
            eprintln!(
                "osteoviz: cannot tell the format of {}: name the output file .svg or .png",
                output.display()
            );
            return ExitCode::from(2);
        };
        let plan_query = osteoviz::state::plan::is_plan_query(query);
        let (notices, other) = if plan_query {
            let p = parse_plan_query_with(query, &["theme", "lang"]);
            (p.notices, p.other)
        } else {
            let p = parse_query_with(query, &["theme", "lang", "scale", "compare", "legend"]);
            (p.notices, p.other)
        };
        for n in &notices {
            eprintln!("osteoviz: warning: {n}");
        }
        let last = |key: &str| {
            other
                .iter()
                .rev()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        let Some(lang) = language(lang.or(last("lang")).unwrap_or("en")) else {
            return ExitCode::from(2);
        };
        let Some(theme) = theme_named(theme.or(last("theme")).unwrap_or("light")) else {
            return ExitCode::from(2);
        };
        // The text size (`scale=`) as the page reads it: labels drawn as the page draws them.
        let scale_pairs: Vec<(String, String)> = other
            .iter()
            .filter(|(k, _)| k == "scale" || k == "legend")
            .cloned()
            .collect();
        let (view, scale_notices) = osteoviz::state::view::View::from_pairs(&scale_pairs);
        for n in &scale_notices {
            eprintln!("osteoviz: warning: {n}");
        }
        let figure = Figure {
            size: (width, height),
            theme,
            lang,
            transparent,
            view,
            caption: Vec::new(),
        };
        let svg = match figure_svg(query, last("compare"), &figure) {
            Ok(svg) => svg,
            Err(code) => return code,
        };
        write_figure(svg, format, output, &figure)
    }

    /// A `--theme` or `theme=` value, or an error message and `None`.
    fn theme_named(name: &str) -> Option<Theme> {
        let theme = Theme::from_name(name);
        if theme.is_none() {
            let names: Vec<&str> = Theme::ALL.iter().map(|t| t.name()).collect();
            eprintln!(
                "osteoviz: unknown theme \"{name}\": use one of {}",
                names.join(", ")
            );
        }
        theme
    }

    /// How a figure is drawn: its size, theme, language, background, text size and key, and
    /// the caption under it.
    struct Figure {
        size: (u32, u32),
        theme: Theme,
        lang: Lang,
        transparent: bool,
        view: osteoviz::state::view::View,
        caption: Vec<String>,
    }

    /// The SVG of a single-ray or plan query (with `compare`, two single-ray states side by
    /// side); an error is printed, its exit code returned.
    fn figure_svg(query: &str, compare: Option<&str>, f: &Figure) -> Result<String, ExitCode> {
        let (width, height) = f.size;
        let drawn = if osteoviz::state::plan::is_plan_query(query) {
            plan_svg(query, f)
        } else {
            let options = SceneOptions {
                standalone: true,
                interactive: false,
                width_px: width,
                height_px: height,
                theme: f.theme,
                lang: f.lang,
                text_scale: f.view.scale,
                legend: f.view.legend,
                caption: f.caption.clone(),
                ..Default::default()
            };
            let state = parse_query(query).state;
            match compare {
                // Side by side: both drawings on one scale, each under its title.
                Some(value) => match compared_state(value, state.ray) {
                    Some((other, _, compare_notices)) => {
                        for n in &compare_notices {
                            eprintln!("osteoviz: warning: compare: {n}");
                        }
                        let inner = |id: &str| SceneOptions {
                            standalone: false,
                            id_prefix: id.into(),
                            ..options.clone()
                        };
                        scene::render(&state, &inner("ov-a-")).and_then(|a| {
                            let b = scene::render(&other, &inner("ov-b-"))?;
                            let titles =
                                [figure_title(&state, f.lang), figure_title(&other, f.lang)];
                            let s = scene::compare::side_by_side(
                                a,
                                b,
                                [&titles[0], &titles[1]],
                                &options,
                            );
                            Ok(s.to_svg())
                        })
                    }
                    None => {
                        eprintln!(
                            "osteoviz: compare=\"{value}\" names no state: use a preset name ({}) or a state query",
                            Preset::ALL.map(|p| p.name()).join(", ")
                        );
                        return Err(ExitCode::from(2));
                    }
                },
                None => scene::render(&state, &options).map(|s| {
                    if f.transparent {
                        s.without_background().to_svg()
                    } else {
                        s.to_svg()
                    }
                }),
            }
        };
        drawn.map_err(|e| {
            eprintln!("osteoviz: {e}");
            ExitCode::from(2)
        })
    }

    /// Writes a figure's SVG to `output` as SVG or as PNG.
    fn write_figure(svg: String, format: Format, output: &Path, f: &Figure) -> ExitCode {
        let (width, height) = f.size;
        let bytes = match format {
            Format::Svg => svg.into_bytes(),
            Format::Png => {
                let background = if f.transparent {
                    None
                } else {
                    Some(
                        scene::style::property(f.theme, "--bg")
                            .and_then(|c| raster::parse_hex_colour(&c))
                            .unwrap_or([255, 255, 255]),
                    )
                };
                let fonts = raster::system_fonts();
                match raster::svg_to_png(&svg, width, height, background, &fonts) {
                    Ok(png) => png,
                    Err(e) => {
                        eprintln!("osteoviz: {e}");
                        return ExitCode::from(1);
                    }
                }
            }
        };
        match std::fs::write(output, bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("osteoviz: cannot write {}: {e}", output.display());
                ExitCode::from(1)
            }
        }
    }

    /// A built-in lesson by name, else a lesson file; an error printed and `None`.
    fn read_lesson(name_or_file: &str) -> Option<Lesson> {
        if let Some(l) = built_in(name_or_file) {
            return Some(l);
        }
        let text = match std::fs::read_to_string(name_or_file) {
            Ok(t) => t,
            Err(e) => {
                eprintln!(
                    "osteoviz: \"{name_or_file}\" is neither a built-in lesson ({}) nor a readable file: {e}",
                    BUILT_IN.map(|(n, _)| n).join(", ")
                );
                return None;
            }
        };
        match Lesson::from_json(&text) {
            Ok(l) => Some(l),
            Err(e) => {
                eprintln!("osteoviz: {name_or_file}: {e}");
                None
            }
        }
    }

    fn check_lesson(name_or_file: &str) -> ExitCode {
        let Some(lesson) = read_lesson(name_or_file) else {
            return ExitCode::from(1);
        };
        let problems = check(&lesson);
        for p in &problems {
            eprintln!("osteoviz: {name_or_file}: {p}");
        }
        if problems.is_empty() {
            let challenges = lesson
                .steps
                .iter()
                .filter(|s| s.challenge.is_some())
                .count();
            let claims: usize = lesson.steps.iter().map(|s| s.expect.len()).sum();
            println!(
                "{name_or_file}: {} steps, {claims} expectations hold, {challenges} challenges solvable",
                lesson.steps.len()
            );
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }

    /// Every step of a lesson as a figure with its caption (title, then text), one file per
    /// step in `dir`: `step-01.png`, …
    fn render_lesson(
        name_or_file: &str,
        dir: &Path,
        format: Option<&str>,
        size: (u32, u32),
        (theme, lang): (Option<&str>, Option<&str>),
        transparent: bool,
    ) -> ExitCode {
        let format = match format.unwrap_or("png") {
            "png" => Format::Png,
            "svg" => Format::Svg,
            other => {
                eprintln!("osteoviz: unknown format \"{other}\": use png or svg");
                return ExitCode::from(2);
            }
        };
        let (Some(lang), Some(theme)) = (
            language(lang.unwrap_or("en")),
            theme_named(theme.unwrap_or("light")),
        ) else {
            return ExitCode::from(2);
        };
        let Some(lesson) = read_lesson(name_or_file) else {
            return ExitCode::from(2);
        };
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("osteoviz: cannot make {}: {e}", dir.display());
            return ExitCode::from(1);
        }
        let ext = if format == Format::Png { "png" } else { "svg" };
        for (i, step) in lesson.steps.iter().enumerate() {
            let figure = Figure {
                size,
                theme,
                lang,
                transparent,
                view: osteoviz::state::view::View::default(),
                caption: vec![
                    format!("{}. {}", i + 1, step.title.get(lang)),
                    step.text.get(lang).to_string(),
                ],
            };
            let svg = match figure_svg(&step.query, None, &figure) {
                Ok(svg) => svg,
                Err(code) => {
                    eprintln!("osteoviz: (step {} of {name_or_file})", i + 1);
                    return code;
                }
            };
            let path = dir.join(format!("step-{:02}.{ext}", i + 1));
            let code = write_figure(svg, format, &path, &figure);
            if code != ExitCode::SUCCESS {
                return code;
            }
            println!("{}", path.display());
        }
        ExitCode::SUCCESS
    }

    /// The forefoot plan figure of a plan query: top and arch views above the edited ray's
    /// sagittal view (the plan page's three drawings), as SVG text.
    fn plan_svg(query: &str, f: &Figure) -> Result<String, osteoviz::model::ModelError> {
        let (size, theme, lang, transparent) = (f.size, f.theme, f.lang, f.transparent);
        use osteoviz::scene::plan::plan_figure;
        use osteoviz::state::plan::evaluate_plan;
        let plan = parse_plan_query_with(query, &["theme", "lang"]).plan;
        let e = evaluate_plan(&plan).map_err(|(_, err)| err)?;
        let options = SceneOptions {
            id_prefix: "plan-".into(),
            interactive: false,
            width_px: size.0,
            height_px: size.1,
            theme,
            lang,
            selected: Some(plan.edit),
            ..Default::default()
        };
        let sagittal = scene::render(
            &plan.edited_view(),
            &SceneOptions {
                id_prefix: "ray-".into(),
                caption: f.caption.clone(),
                ..options.clone()
            },
        )?;
        let sagittal = if transparent {
            sagittal.without_background()
        } else {
            sagittal
        };
        let figure = plan_figure(&plan, &e, sagittal.root, &options, transparent);
        let mut svg = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        figure.write_xml(&mut svg);
        Ok(svg)
    }

    fn eval(query: &str, strict: bool, lang: Lang) -> ExitCode {
        if osteoviz::state::plan::is_plan_query(query) {
            return eval_plan(query, strict, lang);
        }
        let parsed = parse_query(query);
        let unusable: Vec<&Notice> = parsed
            .notices
            .iter()
            .filter(|n| strict || matches!(n, Notice::InvalidValue { .. }))
            .collect();
        if !unusable.is_empty() {
            for n in unusable {
                eprintln!("osteoviz: {n}");
            }
            eprintln!(
                "osteoviz: the query cannot be evaluated as written (see the README for the keys)"
            );
            return ExitCode::from(2);
        }
        match report_in(&parsed, lang) {
            Ok(r) => {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&r).expect("a report serialises")
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("osteoviz: {e}");
                ExitCode::from(2)
            }
        }
    }

    /// A plan query (`plan=` or `mN.` keys): per-ray outcomes and the forefoot metrics, their
    /// texts in `lang`.
    fn eval_plan(query: &str, strict: bool, lang: Lang) -> ExitCode {
        use osteoviz::state::plan::{parse_plan_query, plan_report_in};
        let parsed = parse_plan_query(query);
        let unusable: Vec<&Notice> = parsed
            .notices
            .iter()
            .filter(|n| strict || matches!(n, Notice::InvalidValue { .. }))
            .collect();
        for n in &unusable {
            eprintln!("osteoviz: {n}");
        }
        if !unusable.is_empty() {
            eprintln!("osteoviz: the plan query cannot be evaluated as written (see the README)");
            return ExitCode::from(2);
        }
        match plan_report_in(&parsed, lang) {
            Ok(r) => {
                println!("{}", serde_json::to_string_pretty(&r).expect("serialises"));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("osteoviz: {e}");
                ExitCode::from(2)
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
