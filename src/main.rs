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
        /// Draw a query as an SVG or PNG file (the same drawing as the page).
        Render {
            /// The URL query, as for `eval`; it may also hold the page's `theme` and `lang`.
            query: String,
            /// Output file: .svg, or .png (the same SVG rasterised).
            #[arg(short, long)]
            output: std::path::PathBuf,
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
                width,
                height,
                theme,
                transparent,
                lang,
            } => render(
                &query,
                &output,
                (width, height),
                (theme.as_deref(), lang.as_deref()),
                transparent,
            ),
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
        let theme_name = theme.or(last("theme")).unwrap_or("light");
        let Some(lang) = language(lang.or(last("lang")).unwrap_or("en")) else {
            return ExitCode::from(2);
        };
        let Some(theme) = Theme::from_name(theme_name) else {
            let names: Vec<&str> = Theme::ALL.iter().map(|t| t.name()).collect();
            eprintln!(
                "osteoviz: unknown theme \"{theme_name}\": use one of {}",
                names.join(", ")
            );
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
        let drawn = if plan_query {
            plan_svg(query, (width, height), theme, lang, transparent)
        } else {
            let options = SceneOptions {
                standalone: true,
                interactive: false,
                width_px: width,
                height_px: height,
                theme,
                lang,
                text_scale: view.scale,
                legend: view.legend,
                ..Default::default()
            };
            let state = parse_query(query).state;
            match last("compare") {
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
                            let titles = [figure_title(&state, lang), figure_title(&other, lang)];
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
                        return ExitCode::from(2);
                    }
                },
                None => scene::render(&state, &options).map(|s| {
                    if transparent {
                        s.without_background().to_svg()
                    } else {
                        s.to_svg()
                    }
                }),
            }
        };
        let svg = match drawn {
            Ok(svg) => svg,
            Err(e) => {
                eprintln!("osteoviz: {e}");
                return ExitCode::from(2);
            }
        };
        let bytes = match format {
            Format::Svg => svg.into_bytes(),
            Format::Png => {
                let background = if transparent {
                    None
                } else {
                    Some(
                        scene::style::property(theme, "--bg")
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

    /// The forefoot plan figure of a plan query: top and arch views above the edited ray's
    /// sagittal view (the plan page's three drawings), as SVG text.
    fn plan_svg(
        query: &str,
        size: (u32, u32),
        theme: Theme,
        lang: Lang,
        transparent: bool,
    ) -> Result<String, osteoviz::model::ModelError> {
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
