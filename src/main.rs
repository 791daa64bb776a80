//! The `osteoviz` command line: the same state, model and scene as the web app.
#![forbid(unsafe_code)]

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use clap::{Parser, Subcommand};
    use osteoviz::model::Ray;
    use osteoviz::state::query::{parse_query, Notice};
    use osteoviz::state::readouts::report;
    use osteoviz::state::{to_query, Preset};
    use std::process::ExitCode;

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
        },
        /// List the presets with their query strings.
        Presets,
        /// Draw a query as an SVG file (the same drawing as the page).
        Render {
            query: String,
            /// Output file (.svg).
            #[arg(short, long)]
            output: std::path::PathBuf,
            #[arg(long, default_value_t = 1920)]
            width: u32,
            #[arg(long, default_value_t = 1080)]
            height: u32,
            /// light, dark or projector.
            #[arg(long, default_value = "light")]
            theme: String,
        },
    }

    pub fn main() -> ExitCode {
        let cli = Cli::parse();
        match cli.command {
            Command::Eval { query, strict } => eval(&query, strict),
            Command::Render {
                query,
                output,
                width,
                height,
                theme,
            } => render(&query, &output, width, height, &theme),
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

    fn render(
        query: &str,
        output: &std::path::Path,
        width: u32,
        height: u32,
        theme: &str,
    ) -> ExitCode {
        let parsed = parse_query(query);
        for n in &parsed.notices {
            eprintln!("osteoviz: warning: {n}");
        }
        let options = osteoviz::scene::SceneOptions {
            standalone: true,
            interactive: false,
            width_px: width,
            height_px: height,
            theme: theme.to_string(),
            ..Default::default()
        };
        let scene = match osteoviz::scene::render(&parsed.state, &options) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("osteoviz: {e}");
                return ExitCode::from(2);
            }
        };
        match std::fs::write(output, scene.to_svg()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("osteoviz: cannot write {}: {e}", output.display());
                ExitCode::from(1)
            }
        }
    }

    fn eval(query: &str, strict: bool) -> ExitCode {
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
        match report(&parsed) {
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
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
