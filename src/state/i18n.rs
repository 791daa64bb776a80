//! Interface text in English, French and Spanish: one catalogue of messages keyed by stable
//! ids (`"control.cut.shaft"`, `"readout.head_rise_mm"`, `"summary.closing_kerf"`…), each with
//! its three texts side by side. No web types: the page, the scene and the CLI share it.
//!
//! - [`tr`] gives a message in a language. An id the catalogue does not hold gives a visible
//!   marker `⟦id⟧` (tests search every rendered text for `⟦`); an empty translation falls back
//!   to English, and the catalogue test fails on it, so neither can ship unnoticed.
//! - Sentences with numbers are templates with named placeholders (`{mm}`, `{deg}`…) filled by
//!   [`fill`] / [`trf`]; every translation has the same placeholders as its English text.
//! - Numbers in running text follow the language: French and Spanish write a decimal comma
//!   ("2,3 mm", [`fixed`], [`number`]). Machine values (`data-value` attributes, the URL, JSON
//!   numbers and keys) never go through here and always keep the dot.
//!
//! The vocabulary follows the surgeons' own: French after the GRECMIP/MIFAS literature
//! (ostéotomie, trait de coupe, fraise de Shannon, tête métatarsienne, col, diaphyse,
//! déclinaison, raccourcissement, frottement, capiton plantaire, métatarsiens latéraux),
//! Spanish after the Spanish EMC edition (osteotomía, línea de corte, fresa de Shannon, cabeza
//! metatarsal, cuello, diáfisis, declinación, acortamiento, rozamiento, "de dorsal proximal a
//! plantar distal" for the reverse cut).

use super::view::Lang;
use super::{format_fixed, format_number};
use std::fmt::Display;
use std::sync::OnceLock;

/// One message in every language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub en: &'static str,
    pub fr: &'static str,
    pub es: &'static str,
}

impl Message {
    /// The text in `lang` as written in the catalogue (possibly empty).
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
            Lang::Es => self.es,
        }
    }
}

/// A table of messages, stored compactly: the ids, and each language's texts, each as one
/// string of entries separated by [`SEPARATOR`] (no pointer per message in the WebAssembly).
/// The texts of languages not compiled in (the `lang-en`, `lang-fr`, `lang-es` features: all by
/// default) are left out, so a single-language bundle carries one column.
#[derive(Clone, Copy, Debug)]
pub struct Table {
    ids: &'static str,
    texts: [&'static str; 3],
}

/// Ends each entry of a [`Table`]'s strings (no message contains it).
const SEPARATOR: char = '\u{1f}';

/// A [`Table`] from `m(id, en, fr, es)` entries.
macro_rules! table {
    ($( m($id:literal, $en:literal, $fr:literal, $es:literal $(,)?) ),* $(,)?) => {
        Table {
            ids: concat!($($id, "\u{1f}"),*),
            texts: [
                if cfg!(feature = "lang-en") { concat!($($en, "\u{1f}"),*) } else { "" },
                if cfg!(feature = "lang-fr") { concat!($($fr, "\u{1f}"),*) } else { "" },
                if cfg!(feature = "lang-es") { concat!($($es, "\u{1f}"),*) } else { "" },
            ],
        }
    };
}

impl Table {
    /// The table's messages, in catalogue order.
    fn messages(&self) -> Vec<Message> {
        let column = |text: &'static str| -> Vec<&'static str> {
            text.split_terminator(SEPARATOR).collect()
        };
        let [en, fr, es] = self.texts.map(column);
        self.ids
            .split_terminator(SEPARATOR)
            .enumerate()
            .map(|(i, id)| {
                let at = |c: &Vec<&'static str>| c.get(i).copied().unwrap_or("");
                Message {
                    id,
                    en: at(&en),
                    fr: at(&fr),
                    es: at(&es),
                }
            })
            .collect()
    }
}

/// Whether this build carries `lang`'s texts. The single-ray page's bundles carry one language
/// each (scripts/split.mjs picks the bundle from `lang=` or the browser's language); the page
/// loads the other bundle to switch. The native build and the whole app carry all three.
pub const fn compiled(lang: Lang) -> bool {
    match lang {
        Lang::En => cfg!(feature = "lang-en"),
        Lang::Fr => cfg!(feature = "lang-fr"),
        Lang::Es => cfg!(feature = "lang-es"),
    }
}

/// The first character of the marker an unknown id renders as (`⟦id⟧`).
pub const MISSING_MARK: char = '⟦';

/// Translations that are the same as the English text on purpose (eponyms, citations, words
/// spelt alike). The catalogue test fails on any other text equal to English, and on an entry
/// here that is not (or no longer) equal.
pub const SAME_AS_ENGLISH: [(Lang, &str); 19] = [
    (Lang::Fr, "published.malhotra"),
    (Lang::Es, "published.malhotra"),
    (Lang::Es, "summary.sentence_loaded"),
    (Lang::Es, "about.colon"),
    (Lang::Es, "summary.sentence"),
    (Lang::Fr, "about.conventions"),
    (Lang::Es, "preset.perpendicular.label"),
    (Lang::Es, "preset.vertical.label"),
    (Lang::Fr, "preset.weil.label"),
    (Lang::Es, "preset.weil.label"),
    (Lang::Es, "preset.ocra.label"),
    (Lang::Fr, "tag.simplification"),
    (Lang::Fr, "about.references.3"),
    (Lang::Es, "about.references.3"),
    (Lang::Es, "plan.status.normal"),
    (Lang::Es, "plan.no"),
    (Lang::Fr, "plan.points"),
    (Lang::Fr, "plan.provenance.5.note"),
    (Lang::Es, "plan.provenance.5.note"),
];

/// The name of each language in itself, for the language selector (not translated).
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Fr => "Français",
        Lang::Es => "Español",
    }
}

/// Every message. Ids are grouped by where they appear; keep the English texts exactly as the
/// interface showed them before translation (tests and lecturers' scripts select by some).
pub const MESSAGES: Table = table![
    // Punctuation between a name and its note (the About panel, the plan's provenance list).
    m("about.colon", ": ", " : ", ": "),
    // ------------------------------------------------------------------ page
    m(
        "app.title",
        "osteoviz — DMMO geometry",
        "osteoviz — géométrie de la DMMO",
        "osteoviz — geometría de la DMMO",
    ),
    m(
        "app.subtitle",
        "DMMO geometry, sagittal view from medial",
        "géométrie de la DMMO, vue sagittale du côté médial",
        "geometría de la DMMO, vista sagital desde medial",
    ),
    m(
        "app.cannot_draw",
        "This combination cannot be drawn: {error}.",
        "Cette combinaison ne peut pas être dessinée : {error}.",
        "Esta combinación no se puede dibujar: {error}.",
    ),
    m("action.reset", "Reset", "Réinitialiser", "Restablecer"),
    m("action.undo", "Undo", "Annuler", "Deshacer"),
    m("action.redo", "Redo", "Rétablir", "Rehacer"),
    // ------------------------------------------------------------------ URL notices
    m(
        "notice.adjusted",
        "The link was adjusted: {list}.",
        "Le lien a été corrigé : {list}.",
        "Se ajustó el enlace: {list}.",
    ),
    m(
        "notice.dismiss",
        "Dismiss the notice",
        "Fermer l'avertissement",
        "Cerrar el aviso",
    ),
    m(
        "notice.unknown_key",
        "unknown parameter \"{key}\" ignored",
        "paramètre inconnu « {key} » ignoré",
        "parámetro desconocido «{key}» ignorado",
    ),
    m(
        "notice.invalid_value",
        "\"{value}\" is not a valid value for {key}: default kept",
        "« {value} » n'est pas une valeur valide pour {key} : valeur par défaut conservée",
        "«{value}» no es un valor válido para {key}: se mantiene el valor por defecto",
    ),
    m(
        "notice.clamped",
        "{key}={requested} is out of range: {applied} used",
        "{key}={requested} est hors limites : {applied} retenu",
        "{key}={requested} está fuera de rango: se usa {applied}",
    ),
    // ------------------------------------------------------------------ status line
    m(
        "status.copied",
        "Link copied to the clipboard.",
        "Lien copié dans le presse-papiers.",
        "Enlace copiado al portapapeles.",
    ),
    m(
        "status.copy_this",
        "Copy this link: {href}",
        "Copiez ce lien : {href}",
        "Copie este enlace: {href}",
    ),
    m(
        "status.exported",
        "{format} exported.",
        "{format} exporté.",
        "{format} exportado.",
    ),
    // ------------------------------------------------------------------ lecture bar
    m(
        "lecture.label",
        "Present and export",
        "Présenter et exporter",
        "Presentar y exportar",
    ),
    m("lecture.stop", "■ Stop", "■ Arrêter", "■ Detener"),
    m(
        "lecture.play",
        "▶ Play the displacement",
        "▶ Animer le déplacement",
        "▶ Animar el desplazamiento",
    ),
    m("lecture.loop", "loop", "en boucle", "en bucle"),
    m("lecture.speed", "speed", "vitesse", "velocidad"),
    m("lecture.theme", "theme", "thème", "tema"),
    m("lecture.text_size", "text", "texte", "texto"),
    m("lecture.language", "language", "langue", "idioma"),
    m(
        "lecture.fullscreen",
        "Fullscreen (F)",
        "Plein écran (F)",
        "Pantalla completa (F)",
    ),
    m("lecture.copy_link", "Copy link", "Copier le lien", "Copiar el enlace"),
    m("theme.light", "light", "clair", "claro"),
    m("theme.dark", "dark", "sombre", "oscuro"),
    m("theme.projector", "projector", "projecteur", "proyector"),
    m(
        "export.title",
        "Export figure",
        "Exporter la figure",
        "Exportar la figura",
    ),
    m("export.width", "width", "largeur", "anchura"),
    m("export.height", "height", "hauteur", "altura"),
    m(
        "export.transparent",
        "transparent background",
        "fond transparent",
        "fondo transparente",
    ),
    m(
        "export.caption",
        "readouts as a caption",
        "mesures en légende",
        "mediciones como leyenda",
    ),
    m(
        "export.svg",
        "Download SVG",
        "Télécharger le SVG",
        "Descargar el SVG",
    ),
    m(
        "export.png",
        "Download PNG",
        "Télécharger le PNG",
        "Descargar el PNG",
    ),
    // ------------------------------------------------------------------ toolbar and presets
    m(
        "toolbar.label",
        "Presets and history",
        "Types de coupe et historique",
        "Tipos de corte e historial",
    ),
    m("toolbar.presets", "Presets", "Types de coupe", "Tipos de corte"),
    m("toolbar.history", "History", "Historique", "Historial"),
    m("toolbar.ray", "Ray", "Rayon", "Radio"),
    m(
        "preset.dmmo.label",
        "DMMO 45° \"/\"",
        "DMMO 45° « / »",
        "DMMO 45° «/»",
    ),
    m(
        "preset.dmmo.description",
        "DMMO: cut 45° to the shaft, dorsal-distal to plantar-proximal, burr kerf closed by the load.",
        "DMMO : coupe à 45° de la diaphyse, de dorsal-distal à plantaire-proximal, trait de fraise refermé par la mise en charge.",
        "DMMO: corte a 45° de la diáfisis, de dorsal distal a plantar proximal, grosor de la fresa cerrado por la carga.",
    ),
    m(
        "preset.perpendicular.label",
        "Perpendicular",
        "Perpendiculaire",
        "Perpendicular",
    ),
    m(
        "preset.perpendicular.description",
        "Cut perpendicular to the shaft, kerf closed.",
        "Coupe perpendiculaire à la diaphyse, trait de coupe refermé.",
        "Corte perpendicular a la diáfisis, corte cerrado.",
    ),
    m("preset.vertical.label", "Vertical", "Verticale", "Vertical"),
    m(
        "preset.vertical.description",
        "Vertical cut (perpendicular to the ground), kerf closed.",
        "Coupe verticale (perpendiculaire au sol), trait de coupe refermé.",
        "Corte vertical (perpendicular al suelo), corte cerrado.",
    ),
    m(
        "preset.reverse.label",
        "Reverse \"\\\"",
        "Inverse « \\ »",
        "Inversa «\\»",
    ),
    m(
        "preset.reverse.description",
        "Reverse obliquity: dorsal-proximal to plantar-distal, 135° to the shaft.",
        "Obliquité inverse : de dorsal-proximal à plantaire-distal, 135° par rapport à la diaphyse.",
        "Oblicuidad inversa: de dorsal proximal a plantar distal, 135° respecto a la diáfisis.",
    ),
    m("preset.weil.label", "Weil", "Weil", "Weil"),
    m(
        "preset.weil.description",
        "Weil: cut parallel to the ground from the dorsal articular margin, head slid 5 mm proximally, no kerf.",
        "Weil : coupe parallèle au sol depuis le rebord articulaire dorsal, tête reculée de 5 mm en proximal, sans épaisseur de coupe.",
        "Weil: corte paralelo al suelo desde el margen articular dorsal, cabeza deslizada 5 mm hacia proximal, sin grosor de corte.",
    ),
    m("preset.ocra.label", "Axial (OCRA)", "Axiale (OCRA)", "Axial (OCRA)"),
    m(
        "preset.ocra.description",
        "Axial shortening (OCRA): cut along the shaft axis, head slid 5 mm proximally, no kerf.",
        "Raccourcissement axial (OCRA) : coupe selon l'axe de la diaphyse, tête reculée de 5 mm en proximal, sans épaisseur de coupe.",
        "Acortamiento axial (OCRA): corte según el eje de la diáfisis, cabeza deslizada 5 mm hacia proximal, sin grosor de corte.",
    ),
    // ------------------------------------------------------------------ stage and controls
    m("stage.drawing", "Drawing", "Dessin", "Dibujo"),
    m("stage.outcomes", "Outcomes", "Résultats", "Resultados"),
    m("stage.controls", "Controls", "Réglages", "Controles"),
    m(
        "stage.hint",
        "Drag the head fragment along the cut, or the round handle on the cut line to turn it. Tab to a handle and use the arrow keys (Shift for larger steps).",
        "Faites glisser le fragment de tête le long du trait de coupe, ou la poignée ronde sur le trait de coupe pour le faire pivoter. Atteignez une poignée avec Tab et utilisez les flèches (Maj pour de plus grands pas).",
        "Arrastre el fragmento de la cabeza a lo largo del corte, o el tirador redondo de la línea de corte para girarla. Llegue a un tirador con Tab y use las flechas (Mayús para pasos mayores).",
    ),
    m("group.cut", "Cut", "Coupe", "Corte"),
    m("group.head", "Head fragment", "Fragment de tête", "Fragmento de la cabeza"),
    m("group.anatomy", "Anatomy", "Anatomie", "Anatomía"),
    m("group.loads", "Loads", "Charges", "Cargas"),
    m(
        "control.reference",
        "Angle reference",
        "Référence de l'angle",
        "Referencia del ángulo",
    ),
    m(
        "control.reference.shaft",
        "to the shaft (φ)",
        "par rapport à la diaphyse (φ)",
        "respecto a la diáfisis (φ)",
    ),
    m(
        "control.reference.ground",
        "to the ground (θ)",
        "par rapport au sol (θ)",
        "respecto al suelo (θ)",
    ),
    m(
        "control.cut.shaft",
        "Cut angle to the shaft φ",
        "Angle de coupe par rapport à la diaphyse φ",
        "Ángulo de corte respecto a la diáfisis φ",
    ),
    m(
        "control.cut.ground",
        "Cut angle to the ground θ",
        "Angle de coupe par rapport au sol θ",
        "Ángulo de corte respecto al suelo θ",
    ),
    m("control.cut", "Cut angle", "Angle de coupe", "Ángulo de corte"),
    m(
        "control.at",
        "Cut position from head tip",
        "Position de la coupe depuis l'extrémité de la tête",
        "Posición del corte desde el extremo de la cabeza",
    ),
    m(
        "control.kerf",
        "Kerf (bone removed)",
        "Épaisseur de coupe (os retiré)",
        "Grosor del corte (hueso resecado)",
    ),
    m(
        "control.close",
        "Kerf closure",
        "Fermeture du trait de coupe",
        "Cierre del corte",
    ),
    m(
        "control.slide",
        "Slide along the cut",
        "Glissement le long du trait de coupe",
        "Deslizamiento a lo largo del corte",
    ),
    m(
        "control.tilt",
        "Head tilt (dorsiflexion +)",
        "Bascule de la tête (flexion dorsale +)",
        "Basculación de la cabeza (flexión dorsal +)",
    ),
    m("control.decl", "Declination", "Déclinaison", "Declinación"),
    m(
        "control.len",
        "Axis length (base to head centre)",
        "Longueur de l'axe (de la base au centre de la tête)",
        "Longitud del eje (de la base al centro de la cabeza)",
    ),
    m(
        "control.mu",
        "Friction coefficient μ",
        "Coefficient de frottement μ",
        "Coeficiente de rozamiento μ",
    ),
    m(
        "control.pull",
        "Soft-tissue pull / ground force",
        "Traction des parties molles / réaction du sol",
        "Tracción de partes blandas / reacción del suelo",
    ),
    m(
        "control.number",
        "{label} (number)",
        "{label} (valeur numérique)",
        "{label} (valor numérico)",
    ),
    m(
        "control.burr",
        "Kerf from a burr Ø (mm)",
        "Épaisseur de coupe d'après une fraise de Ø (mm)",
        "Grosor del corte según una fresa de Ø (mm)",
    ),
    m(
        "control.burr.title",
        "2.6 mm measured for a 3.1 mm burr, scaled",
        "2,6 mm mesurés pour une fraise de 3,1 mm, mis à l'échelle",
        "2,6 mm medidos para una fresa de 3,1 mm, escalados",
    ),
    m("tag.assumption", "assumption", "hypothèse", "supuesto"),
    m(
        "tag.assumption.control",
        "No published value: an adjustable default",
        "Aucune valeur publiée : valeur par défaut réglable",
        "Sin valor publicado: valor por defecto ajustable",
    ),
    m(
        "tag.assumption.readout",
        "Rests on an assumed value",
        "Repose sur une valeur supposée",
        "Se basa en un valor supuesto",
    ),
    m("tag.published", "published", "publié", "publicado"),
    m(
        "tag.simplification",
        "simplification",
        "simplification",
        "simplificación",
    ),
    // ------------------------------------------------------------------ readouts
    m(
        "readout.cut_to_shaft_deg",
        "Cut to shaft φ",
        "Angle coupe–diaphyse φ",
        "Ángulo corte–diáfisis φ",
    ),
    m(
        "readout.cut_to_ground_deg",
        "Cut to ground θ",
        "Angle coupe–sol θ",
        "Ángulo corte–suelo θ",
    ),
    m(
        "readout.head_rise_mm",
        "Head rise",
        "Élévation de la tête",
        "Elevación de la cabeza",
    ),
    m(
        "readout.axial_shortening_mm",
        "Shortening along the shaft",
        "Raccourcissement selon l'axe de la diaphyse",
        "Acortamiento según el eje de la diáfisis",
    ),
    m(
        "readout.ground_shortening_mm",
        "Shortening on the ground",
        "Raccourcissement projeté au sol",
        "Acortamiento proyectado en el suelo",
    ),
    m(
        "readout.dorsal_shift_mm",
        "Dorsal shift (to the shaft)",
        "Translation dorsale (par rapport à la diaphyse)",
        "Desplazamiento dorsal (respecto a la diáfisis)",
    ),
    m(
        "readout.declination_before_deg",
        "Declination before",
        "Déclinaison avant",
        "Declinación antes",
    ),
    m(
        "readout.declination_after_deg",
        "Declination after",
        "Déclinaison après",
        "Declinación después",
    ),
    m(
        "readout.contact_mm",
        "Bone contact",
        "Contact osseux",
        "Contacto óseo",
    ),
    m(
        "readout.contact_fraction",
        "Contact / cut length",
        "Contact / longueur de coupe",
        "Contacto / longitud del corte",
    ),
    m(
        "readout.gap_mm",
        "Gap between the faces",
        "Écart entre les surfaces de coupe",
        "Separación entre las caras del corte",
    ),
    m(
        "readout.lever_arm_mm",
        "Lever arm of the ground force",
        "Bras de levier de la réaction du sol",
        "Brazo de palanca de la reacción del suelo",
    ),
    m(
        "readout.normal_ratio",
        "Compression N/F",
        "Effort de compression N/F",
        "Compresión N/F",
    ),
    m(
        "readout.tangential_ratio",
        "Shear T/F",
        "Cisaillement T/F",
        "Cizallamiento T/F",
    ),
    m(
        "readout.cut_length_mm",
        "Cut length through the bone",
        "Longueur de coupe dans l'os",
        "Longitud del corte en el hueso",
    ),
    m("readout.verdict", "Verdict", "Stabilité", "Estabilidad"),
    m(
        "verdict.held",
        "held by friction",
        "maintenue par frottement",
        "sujeta por rozamiento",
    ),
    m(
        "verdict.slides_proximal",
        "slides proximally",
        "glisse en proximal",
        "se desliza hacia proximal",
    ),
    m(
        "verdict.slides_distal",
        "slides distally",
        "glisse en distal",
        "se desliza hacia distal",
    ),
    m("verdict.separates", "separates", "se sépare", "se separa"),
    m(
        "verdict.no_contact",
        "no bone contact",
        "pas de contact osseux",
        "sin contacto óseo",
    ),
    m(
        "verdict.slides_dorsal",
        "rides up dorsally",
        "remonte en dorsal",
        "sube hacia dorsal",
    ),
    m(
        "verdict.slides_plantar",
        "slides plantarly",
        "glisse en plantaire",
        "se desliza hacia plantar",
    ),
    m(
        "verdict.tips_dorsal",
        "tips into dorsiflexion",
        "bascule en flexion dorsale",
        "bascula en flexión dorsal",
    ),
    m(
        "verdict.tips_plantar",
        "tips into plantar flexion",
        "bascule en flexion plantaire",
        "bascula en flexión plantar",
    ),
    m(
        "verdict.glides",
        "glides along the cut",
        "glisse le long du trait d’ostéotomie",
        "se desliza a lo largo del trazo de osteotomía",
    ),
    // ------------------------------------------------------------------ under body weight
    m(
        "control.tissue",
        "Soft-tissue stiffness k",
        "Raideur des parties molles k",
        "Rigidez de las partes blandas k",
    ),
    m("control.load", "Under body weight", "En charge", "En carga"),
    m(
        "control.load.title",
        "The head settled under body weight (teaching model)",
        "La tête stabilisée sous le poids du corps (modèle pédagogique)",
        "La cabeza asentada bajo el peso corporal (modelo didáctico)",
    ),
    m("lecture.weight", "Put weight on it", "Mettre en charge", "Poner en carga"),
    m(
        "lecture.weight_stop",
        "Stop the weight",
        "Arrêter la mise en charge",
        "Detener la carga",
    ),
    m(
        "tag.teaching_model",
        "teaching model",
        "modèle pédagogique",
        "modelo didáctico",
    ),
    m(
        "tag.teaching_model.title",
        "Assumed stiffness, friction and pull: directions and rankings, not measured millimetres",
        "Raideur, frottement et traction supposés\u{a0}: des sens et des classements, pas des millimètres mesurés",
        "Rigidez, rozamiento y tracción supuestos: sentidos y clasificaciones, no milímetros medidos",
    ),
    m(
        "stage.settled",
        "Under body weight",
        "En charge",
        "En carga",
    ),
    m(
        "stage.settled.note",
        "Held only by its soft tissues: a spring of assumed stiffness k = {k} F/mm (k·r² in rotation); friction μ = {mu}.",
        "Retenue par ses seules parties molles\u{a0}: ressort de raideur supposée k = {k}\u{a0}F/mm (k·r² en rotation)\u{a0}; frottement μ = {mu}.",
        "Sujeta solo por sus partes blandas: resorte de rigidez supuesta k = {k}\u{a0}F/mm (k·r² en rotación); rozamiento μ = {mu}.",
    ),
    m(
        "readout.tipping_lever_mm",
        "Tipping lever e",
        "Bras de levier de bascule e",
        "Brazo de palanca de basculación e",
    ),
    m(
        "readout.settled.displacement_mm",
        "Head moves under load",
        "Déplacement de la tête en charge",
        "Desplazamiento de la cabeza en carga",
    ),
    m(
        "readout.settled.dx_mm",
        "… along the ground (distal +)",
        "… le long du sol (distal +)",
        "… a lo largo del suelo (distal +)",
    ),
    m(
        "readout.settled.dy_mm",
        "… upward (dorsal +)",
        "… vers le haut (dorsal +)",
        "… hacia arriba (dorsal +)",
    ),
    m(
        "readout.settled.tilt_deg",
        "Tilt under load (dorsiflexion +)",
        "Bascule en charge (flexion dorsale +)",
        "Basculación en carga (flexión dorsal +)",
    ),
    m(
        "readout.settled.head_rise_mm",
        "Head rise under load",
        "Élévation de la tête en charge",
        "Elevación de la cabeza en carga",
    ),
    m(
        "readout.settled.ground_shortening_mm",
        "Shortening on the ground under load",
        "Raccourcissement projeté au sol en charge",
        "Acortamiento proyectado en el suelo en carga",
    ),
    m(
        "readout.settled.contacts",
        "Bone contacts carrying load",
        "Contacts osseux en charge",
        "Contactos óseos en carga",
    ),
    m(
        "readout.settled.residual",
        "Balance residual",
        "Résidu de l’équilibre",
        "Residuo del equilibrio",
    ),
    m(
        "published.title",
        "Published, on dorsoplantar radiographs",
        "Publié, sur radiographies dorsoplantaires",
        "Publicado, en radiografías dorsoplantares",
    ),
    m("published.clinical", "clinical M2", "clinique M2", "clínico M2"),
    m("published.cadaver", "cadaver M2", "cadavre M2", "cadáver M2"),
    m(
        "published.malhotra",
        "Malhotra et al. M{ray}",
        "Malhotra et al. M{ray}",
        "Malhotra et al. M{ray}",
    ),
    m(
        "published.note",
        "A dorsoplantar radiograph projects the metatarsal under the sole: compare with the shortening on the ground. Reference marks, not targets.",
        "La radiographie dorsoplantaire projette le métatarsien sous la plante\u{a0}: comparer au raccourcissement projeté au sol. Des repères, pas des objectifs.",
        "La radiografía dorsoplantar proyecta el metatarsiano bajo la planta: comparar con el acortamiento proyectado en el suelo. Referencias, no objetivos.",
    ),
    m(
        "summary.statics.no_contact",
        "the cut faces do not touch, so only the soft tissues hold the head",
        "les surfaces d’ostéotomie ne se touchent pas\u{a0}: seules les parties molles retiennent la tête",
        "las caras de la osteotomía no se tocan, por lo que solo las partes blandas sujetan la cabeza",
    ),
    m(
        "summary.statics.slides_dorsal",
        "the ground force pushes the head along the cut more than friction holds it: it rides up dorsally",
        "la réaction du sol pousse la tête le long du trait d’ostéotomie plus que le frottement ne la retient\u{a0}: elle remonte en dorsal",
        "la reacción del suelo empuja la cabeza a lo largo del trazo de osteotomía más de lo que el rozamiento la retiene: sube hacia dorsal",
    ),
    m(
        "summary.statics.slides_plantar",
        "the ground force pushes the head along the cut more than friction holds it: it slides plantarly",
        "la réaction du sol pousse la tête le long du trait d’ostéotomie plus que le frottement ne la retient\u{a0}: elle glisse en plantaire",
        "la reacción del suelo empuja la cabeza a lo largo del trazo de osteotomía más de lo que el rozamiento la retiene: se desliza hacia plantar",
    ),
    m(
        "summary.statics.tips_dorsal",
        "the load’s line of action passes {e} mm dorsal of the bone contact: the head tips into dorsiflexion",
        "la ligne d’action de la charge passe {e}\u{a0}mm en dorsal du contact osseux\u{a0}: la tête bascule en flexion dorsale",
        "la línea de acción de la carga pasa {e}\u{a0}mm por dorsal del contacto óseo: la cabeza bascula en flexión dorsal",
    ),
    m(
        "summary.statics.tips_plantar",
        "the load’s line of action passes {e} mm plantar of the bone contact: the head tips into plantar flexion",
        "la ligne d’action de la charge passe {e}\u{a0}mm en plantaire du contact osseux\u{a0}: la tête bascule en flexion plantaire",
        "la línea de acción de la carga pasa {e}\u{a0}mm por plantar del contacto óseo: la cabeza bascula en flexión plantar",
    ),
    m(
        "summary.statics.glides",
        "nothing presses the faces together: the head glides freely along the cut",
        "rien ne plaque les surfaces l’une contre l’autre\u{a0}: la tête glisse librement le long du trait d’ostéotomie",
        "nada comprime las caras entre sí: la cabeza se desliza libremente a lo largo del trazo de osteotomía",
    ),
    m(
        "summary.sentence_loaded",
        "{what}; {statics}; {settled}.",
        "{what}\u{a0}; {statics}\u{a0}; {settled}.",
        "{what}; {statics}; {settled}.",
    ),
    m(
        "summary.settled.still",
        "under body weight the head stays where it was left",
        "en charge, la tête reste là où elle a été laissée",
        "en carga, la cabeza se queda donde se dejó",
    ),
    m(
        "summary.settled.moves",
        "under body weight the head moves {mm} mm {direction}",
        "en charge, la tête se déplace de {mm}\u{a0}mm {direction}",
        "en carga, la cabeza se desplaza {mm}\u{a0}mm {direction}",
    ),
    m("summary.settled.proximal", "proximally", "en proximal", "hacia proximal"),
    m("summary.settled.distal", "distally", "en distal", "hacia distal"),
    m("summary.settled.dorsal", "dorsally", "en dorsal", "hacia dorsal"),
    m("summary.settled.plantar", "plantarly", "en plantaire", "hacia plantar"),
    m(
        "summary.settled.dorsiflexion",
        " and tips {deg}° into dorsiflexion",
        " et bascule de {deg}° en flexion dorsale",
        " y bascula {deg}° en flexión dorsal",
    ),
    m(
        "summary.settled.plantarflexion",
        " and tips {deg}° into plantar flexion",
        " et bascule de {deg}° en flexion plantaire",
        " y bascula {deg}° en flexión plantar",
    ),
    m(
        "summary.settled.closes",
        ", closing the gap",
        ", ce qui ferme l’espace fraisé",
        ", lo que cierra el espacio del fresado",
    ),
    m(
        "scene.verdict.no_contact",
        "No bone contact",
        "Aucun contact osseux",
        "Sin contacto óseo",
    ),
    m(
        "scene.verdict.slides_dorsal",
        "The head rides up dorsally",
        "La tête remonte en dorsal",
        "La cabeza sube hacia dorsal",
    ),
    m(
        "scene.verdict.slides_plantar",
        "The head slides plantarly",
        "La tête glisse en plantaire",
        "La cabeza se desliza hacia plantar",
    ),
    m(
        "scene.verdict.tips_dorsal",
        "The head tips into dorsiflexion",
        "La tête bascule en flexion dorsale",
        "La cabeza bascula en flexión dorsal",
    ),
    m(
        "scene.verdict.tips_plantar",
        "The head tips into plantar flexion",
        "La tête bascule en flexion plantaire",
        "La cabeza bascula en flexión plantar",
    ),
    m(
        "scene.verdict.glides",
        "The head glides along the cut",
        "La tête glisse le long du trait",
        "La cabeza se desliza por el trazo",
    ),
    m(
        "scene.verdict_detail.no_contact",
        "only the soft tissues hold the head",
        "seules les parties molles retiennent la tête",
        "solo las partes blandas sujetan la cabeza",
    ),
    m("scene.lever", "lever e {mm}", "levier e {mm}", "palanca e {mm}"),
    m(
        "scene.settled_line",
        "Under load: {mm} {direction}, tilt {deg}°",
        "En charge\u{a0}: {mm} {direction}, bascule {deg}°",
        "En carga: {mm} {direction}, basculación {deg}°",
    ),
    m(
        "scene.contact",
        "bone contact",
        "contact osseux",
        "contacto óseo",
    ),
    m(
        "limit.closure_kerf",
        "closure {requested} mm is more than the kerf: {applied} mm used",
        "fermeture de {requested} mm supérieure à l'épaisseur de coupe : {applied} mm retenus",
        "cierre de {requested} mm mayor que el grosor del corte: se usan {applied} mm",
    ),
    m(
        "limit.closure_tilt",
        "the tilt would push bone into bone: closure reduced from {requested} to {applied} mm",
        "la bascule enfoncerait l'os dans l'os : fermeture réduite de {requested} à {applied} mm",
        "la basculación haría penetrar hueso en hueso: cierre reducido de {requested} a {applied} mm",
    ),
    m(
        "limit.tilt",
        "the tilt would push bone into bone: tilt limited from {requested}° to {applied}°",
        "la bascule enfoncerait l'os dans l'os : bascule limitée de {requested}° à {applied}°",
        "la basculación haría penetrar hueso en hueso: basculación limitada de {requested}° a {applied}°",
    ),
    // ------------------------------------------------------------------ summary sentence
    // English: "{motion} {rise} and {length}"; French and Spanish build the same sentence with
    // gerunds ("En fermant…, on élève…") and "Al" + infinitive ("Al cerrar…, la cabeza sube…").
    m(
        "summary.closing_kerf",
        "closing the {kerf} mm kerf",
        "en fermant le trait de coupe de {kerf} mm",
        "cerrar el corte de {kerf} mm",
    ),
    m(
        "summary.closing_part",
        "closing {close} mm of the {kerf} mm kerf",
        "en fermant {close} mm des {kerf} mm du trait de coupe",
        "cerrar {close} mm de los {kerf} mm del corte",
    ),
    m(
        "summary.sliding_proximal",
        "sliding the head {mm} mm proximally",
        "en faisant glisser la tête de {mm} mm en proximal",
        "deslizar la cabeza {mm} mm hacia proximal",
    ),
    m(
        "summary.sliding_distal",
        "sliding the head {mm} mm distally",
        "en faisant glisser la tête de {mm} mm en distal",
        "deslizar la cabeza {mm} mm hacia distal",
    ),
    m(
        "summary.tilting",
        "tilting it {deg}°",
        "en la basculant de {deg}°",
        "bascularla {deg}°",
    ),
    m("summary.and", " and ", " et ", " y "),
    m(
        "summary.motion",
        "{motion} {rise} and {length}",
        "{motion}, on {rise} et on {length}",
        "Al {motion}, {rise} y {length}",
    ),
    m(
        "summary.raises",
        "raises the head {mm} mm",
        "élève la tête de {mm} mm",
        "la cabeza sube {mm} mm",
    ),
    m(
        "summary.lowers",
        "lowers the head {mm} mm",
        "abaisse la tête de {mm} mm",
        "la cabeza baja {mm} mm",
    ),
    m(
        "summary.height_unchanged",
        "leaves the head height unchanged",
        "laisse la hauteur de la tête inchangée",
        "la altura de la cabeza no cambia",
    ),
    m(
        "summary.shortens",
        "shortens the ray {mm} mm",
        "raccourcit le rayon de {mm} mm",
        "el radio se acorta {mm} mm",
    ),
    m(
        "summary.lengthens",
        "lengthens the ray {mm} mm",
        "allonge le rayon de {mm} mm",
        "el radio se alarga {mm} mm",
    ),
    m(
        "summary.length_unchanged",
        "keeps its length",
        "conserve la longueur du rayon",
        "el radio conserva su longitud",
    ),
    m(
        "summary.nothing",
        "With the head fragment in place, nothing moves",
        "Le fragment de tête restant en place, rien ne bouge",
        "Con el fragmento de la cabeza en su sitio, nada se mueve",
    ),
    m(
        "summary.statics.held",
        "the ground force presses the fragments together, so the head is held",
        "la réaction du sol plaque les fragments l'un contre l'autre : la tête est maintenue",
        "la reacción del suelo comprime los fragmentos entre sí, así que la cabeza queda sujeta",
    ),
    m(
        "summary.statics.slides_proximal",
        "the ground force pushes the head along the cut faster than friction holds it: it slides proximally",
        "la réaction du sol pousse la tête le long du trait de coupe plus que le frottement ne la retient : elle glisse en proximal",
        "la reacción del suelo empuja la cabeza a lo largo del corte más de lo que el rozamiento la retiene: se desliza hacia proximal",
    ),
    m(
        "summary.statics.slides_distal",
        "the ground force pushes the head along the cut faster than friction holds it: it slides distally",
        "la réaction du sol pousse la tête le long du trait de coupe plus que le frottement ne la retient : elle glisse en distal",
        "la reacción del suelo empuja la cabeza a lo largo del corte más de lo que el rozamiento la retiene: se desliza hacia distal",
    ),
    m(
        "summary.statics.separates",
        "the ground force pulls the fragments apart: the head separates",
        "la réaction du sol écarte les fragments : la tête se sépare",
        "la reacción del suelo separa los fragmentos: la cabeza se separa",
    ),
    m(
        "summary.sentence",
        "{what}; {statics}.",
        "{what} ; {statics}.",
        "{what}; {statics}.",
    ),
    // ------------------------------------------------------------------ model errors
    m(
        "error.not_finite",
        "{name} is not a finite number",
        "{name} n'est pas un nombre fini",
        "{name} no es un número finito",
    ),
    m(
        "error.out_of_range",
        "{name} = {value} is outside {min}..={max}",
        "{name} = {value} est hors de {min}..={max}",
        "{name} = {value} está fuera de {min}..={max}",
    ),
    m(
        "error.head_centre_not_distal",
        "the cut must cross the axis proximal of the head centre",
        "le trait de coupe doit croiser l'axe en proximal du centre de la tête",
        "el corte debe cruzar el eje proximal al centro de la cabeza",
    ),
    m(
        "error.misses_bone",
        "the cut does not split the bone in two",
        "le trait de coupe ne sépare pas l'os en deux",
        "el corte no divide el hueso en dos",
    ),
    // ------------------------------------------------------------------ the drawing
    m(
        "scene.title",
        "Sagittal view of M{ray} from medial: cut φ {phi} to the shaft, θ {theta} to the ground",
        "Vue sagittale de M{ray} du côté médial : coupe φ {phi} par rapport à la diaphyse, θ {theta} par rapport au sol",
        "Vista sagital de M{ray} desde medial: corte φ {phi} respecto a la diáfisis, θ {theta} respecto al suelo",
    ),
    m("scene.ground", "ground", "sol", "suelo"),
    m(
        "scene.theta",
        "θ {deg} to ground",
        "θ {deg} avec le sol",
        "θ {deg} con el suelo",
    ),
    m(
        "scene.phi",
        "φ {deg} to shaft",
        "φ {deg} avec la diaphyse",
        "φ {deg} con la diáfisis",
    ),
    m(
        "scene.shortening",
        "shortening {mm}",
        "raccourcissement {mm}",
        "acortamiento {mm}",
    ),
    m("scene.rise", "rise {mm}", "élévation {mm}", "elevación {mm}"),
    m(
        "scene.forces_title",
        "Forces on the cut",
        "Forces sur la coupe",
        "Fuerzas sobre el corte",
    ),
    m(
        "scene.inset_caption",
        "R = F + P · cone: μ {mu} (assumed)",
        "R = F + P · cône : μ {mu} (supposé)",
        "R = F + P · cono: μ {mu} (supuesto)",
    ),
    m(
        "scene.verdict.held",
        "The head is held",
        "La tête est maintenue",
        "La cabeza queda sujeta",
    ),
    m(
        "scene.verdict.slides_proximal",
        "The head slides proximally",
        "La tête glisse en proximal",
        "La cabeza se desliza hacia proximal",
    ),
    m(
        "scene.verdict.slides_distal",
        "The head slides distally",
        "La tête glisse en distal",
        "La cabeza se desliza hacia distal",
    ),
    m(
        "scene.verdict.separates",
        "The head lifts off the cut",
        "La tête se décolle du trait",
        "La cabeza se despega del trazo",
    ),
    m(
        "scene.verdict_detail",
        "N/F {n} · T/F {t} · μ {mu} (assumed)",
        "N/F {n} · T/F {t} · μ {mu} (supposé)",
        "N/F {n} · T/F {t} · μ {mu} (supuesto)",
    ),
    m(
        "scene.handle.cut",
        "Rotate the cut (drag, or arrow keys)",
        "Faire pivoter la coupe (glisser, ou flèches du clavier)",
        "Girar el corte (arrastrar, o flechas del teclado)",
    ),
    m(
        "scene.handle.slide",
        "Slide the head along the cut (drag, or arrow keys)",
        "Faire glisser la tête le long du trait de coupe (glisser, ou flèches du clavier)",
        "Deslizar la cabeza a lo largo del corte (arrastrar, o flechas del teclado)",
    ),
    m(
        "scene.handle.slide_value",
        "slide {mm}",
        "glissement {mm}",
        "deslizamiento {mm}",
    ),
    // ------------------------------------------------------------------ About panel
    m(
        "about.summary",
        "About the model: conventions, formulas, assumptions, sources",
        "À propos du modèle : conventions, formules, hypothèses, sources",
        "Acerca del modelo: convenciones, fórmulas, supuestos, fuentes",
    ),
    m(
        "plan.entry",
        "Forefoot plan →",
        "Plan de l'avant-pied →",
        "Plan del antepié →",
    ),
    m(
        "plan.entry_title",
        "M2, M3 and M4 together: the metatarsal parabola, the anterior arch and the load heuristic",
        "M2, M3 et M4 ensemble : la parabole métatarsienne, l'arche antérieure et l'heuristique de charge",
        "M2, M3 y M4 juntos: la parábola metatarsal, el arco anterior y la heurística de carga",
    ),
];

/// The "About the model" panel's messages (`about.*`, but for its summary line). A separate table
/// so that the single-ray page's bundles leave them out: they link to the panel instead, which the
/// whole app shows (`about=1`); it registers them with [`enable_about_messages`] before it
/// renders; natively they are always there.
pub const ABOUT_MESSAGES: Table = table![
    m(
        "about.formulas.7",
        "Tipping: R crosses the cut at X. If X lies outside the bone contact [A, B], the head tips about the nearer end; the tipping lever e is the distance from X to that end, and F·e is the moment the soft tissues must hold. The more proximal the cut, the longer e.",
        "Bascule\u{a0}: R croise le trait d’ostéotomie en X. Si X tombe hors du contact osseux [A, B], la tête bascule autour de l’extrémité la plus proche\u{a0}; le bras de levier de bascule e est la distance de X à cette extrémité, et F·e le moment que les parties molles doivent retenir. Plus le trait est proximal, plus e est long.",
        "Basculación: R cruza el trazo de osteotomía en X. Si X cae fuera del contacto óseo [A, B], la cabeza bascula alrededor del extremo más cercano; el brazo de palanca e es la distancia de X a ese extremo, y F·e el momento que deben sostener las partes blandas. Cuanto más proximal es el trazo, más largo es e.",
    ),
    m(
        "about.formulas.8",
        "Under body weight (teaching model): the head is held by a spring of stiffness k at its centre and k·r² in rotation, anchored where it was left; the faces meet at the two ends of their overlap, never crossing, with Coulomb friction μ. The load is followed from 0 to F, so an open gap closes first; force and moment balance to 10⁻⁹.",
        "En charge (modèle pédagogique)\u{a0}: la tête est retenue par un ressort de raideur k en son centre et k·r² en rotation, ancré là où elle a été laissée\u{a0}; les surfaces se rencontrent aux deux extrémités de leur recouvrement, sans jamais se traverser, avec un frottement de Coulomb μ. La charge croît de 0 à F\u{a0}: un espace fraisé ouvert se ferme d’abord\u{a0}; forces et moments s’équilibrent à 10⁻⁹ près.",
        "En carga (modelo didáctico): la cabeza está sujeta por un resorte de rigidez k en su centro y k·r² en rotación, anclado donde se dejó; las caras se apoyan en los dos extremos de su superposición, sin atravesarse nunca, con rozamiento de Coulomb μ. La carga crece de 0 a F, por lo que un espacio del fresado abierto se cierra primero; fuerzas y momentos se equilibran con un error inferior a 10⁻⁹.",
    ),
    m(
        "about.formulas.9",
        "Radiographs: a dorsoplantar radiograph projects the metatarsal on the film under the sole, so the radiographic shortening compares with the shortening on the ground, not the one along the shaft.",
        "Radiographies\u{a0}: une radiographie dorsoplantaire projette le métatarsien sur le film sous la plante\u{a0}; le raccourcissement radiographique se compare donc au raccourcissement projeté au sol, non à celui selon l’axe de la diaphyse.",
        "Radiografías: una radiografía dorsoplantar proyecta el metatarsiano sobre la placa bajo la planta, por lo que el acortamiento radiográfico se compara con el acortamiento proyectado en el suelo, no con el del eje de la diáfisis.",
    ),
    m(
        "about.source.tissue.name",
        "Soft-tissue stiffness k = 0.25 F/mm",
        "Raideur des parties molles k = 0,25\u{a0}F/mm",
        "Rigidez de las partes blandas k = 0,25\u{a0}F/mm",
    ),
    m(
        "about.source.tissue.note",
        "no published stiffness; soft enough that an open one-pass kerf closes under a DMMO cut under body weight, as the chapter describes (a stiffer envelope would leave it open)",
        "aucune raideur publiée\u{a0}; assez souple pour qu’un espace fraisé ouvert d’un passage se ferme en charge sous une coupe de DMMO, comme le décrit le chapitre (une enveloppe plus raide le laisserait ouvert)",
        "no hay rigidez publicada; lo bastante blanda para que un espacio del fresado abierto de una pasada se cierre en carga bajo un corte de DMMO, como describe el capítulo (una envoltura más rígida lo dejaría abierto)",
    ),
    m(
        "about.source.weil.name",
        "Weil cut",
        "Coupe de Weil",
        "Corte de Weil",
    ),
    m(
        "about.source.weil.note",
        "parallel to the ground from the dorsal articular margin of the drawn head; where the cartilage ends (120° from the distal axis) is an assumption of the outline",
        "parallèle au sol depuis le rebord articulaire dorsal de la tête dessinée\u{a0}; la limite du cartilage (à 120° de l’axe distal) est une hypothèse du contour",
        "paralelo al suelo desde el margen articular dorsal de la cabeza dibujada; el límite del cartílago (a 120° del eje distal) es un supuesto del contorno",
    ),
    m(
        "about.source.in_bone.name",
        "Axial cuts (OCRA)",
        "Coupes axiales (OCRA)",
        "Cortes axiales (OCRA)",
    ),
    m(
        "about.source.in_bone.note",
        "a cut that would run inside the bone to the base carries load over its distal 25 mm, where a surgeon turns it out through the cortex (about the length of a Weil cut)",
        "une coupe qui courrait dans l’os jusqu’à la base porte la charge sur ses 25\u{a0}mm distaux, là où le chirurgien la fait sortir par la corticale (environ la longueur d’une coupe de Weil)",
        "un corte que recorrería el hueso hasta la base soporta la carga en sus 25\u{a0}mm distales, donde el cirujano lo saca por la cortical (aproximadamente la longitud de un corte de Weil)",
    ),
    // ------------------------------------------------------------------ motion limits
    m("about.conventions", "Conventions", "Conventions", "Convenciones"),
    m(
        "about.conventions.1",
        "Sagittal plane seen from the medial side, toes to the right. Millimetres; degrees.",
        "Plan sagittal vu du côté médial, orteils à droite. Millimètres ; degrés.",
        "Plano sagital visto desde el lado medial, dedos a la derecha. Milímetros; grados.",
    ),
    m(
        "about.conventions.2",
        "Ground frame: x along the ground toward the toes, y up. Shaft frame: x along the metatarsal axis toward the head, y dorsal.",
        "Repère du sol : x le long du sol vers les orteils, y vers le haut. Repère de la diaphyse : x selon l'axe du métatarsien vers la tête, y dorsal.",
        "Sistema del suelo: x a lo largo del suelo hacia los dedos, y hacia arriba. Sistema de la diáfisis: x según el eje del metatarsiano hacia la cabeza, y dorsal.",
    ),
    m(
        "about.conventions.3",
        "Declination δ: the axis below the ground, distal end lower (M2 ≈ 15°).",
        "Déclinaison δ : l'axe descend sous l'horizontale du sol, extrémité distale plus basse (M2 ≈ 15°).",
        "Declinación δ: el eje por debajo del suelo, extremo distal más bajo (M2 ≈ 15°).",
    ),
    m(
        "about.conventions.4",
        "Cut angle φ (to the shaft): from the distal shaft axis to the cut, turning dorsal. φ < 90°: \"/\" dorsal-distal to plantar-proximal (DMMO ≈ 45°); φ = 90°: perpendicular; φ > 90°: \"\\\" dorsal-proximal to plantar-distal.",
        "Angle de coupe φ (par rapport à la diaphyse) : de l'axe diaphysaire distal au trait de coupe, en tournant vers dorsal. φ < 90° : « / » de dorsal-distal à plantaire-proximal (DMMO ≈ 45°) ; φ = 90° : perpendiculaire ; φ > 90° : « \\ » de dorsal-proximal à plantaire-distal.",
        "Ángulo de corte φ (respecto a la diáfisis): desde el eje diafisario distal hasta el corte, girando hacia dorsal. φ < 90°: «/» de dorsal distal a plantar proximal (DMMO ≈ 45°); φ = 90°: perpendicular; φ > 90°: «\\» de dorsal proximal a plantar distal.",
    ),
    m(
        "about.conventions.5",
        "Cut angle θ (to the ground) = φ − δ: 0° parallel to the ground (Weil), 90° vertical.",
        "Angle de coupe θ (par rapport au sol) = φ − δ : 0° parallèle au sol (Weil), 90° vertical.",
        "Ángulo de corte θ (respecto al suelo) = φ − δ: 0° paralelo al suelo (Weil), 90° vertical.",
    ),
    m(
        "about.conventions.6",
        "Cut position: where the cut crosses the shaft axis, in mm from the tip of the head.",
        "Position de la coupe : point où le trait de coupe croise l'axe de la diaphyse, en mm depuis l'extrémité de la tête.",
        "Posición del corte: donde el corte cruza el eje de la diáfisis, en mm desde el extremo de la cabeza.",
    ),
    m(
        "about.conventions.7",
        "Kerf w: bone removed by the burr. Closure c (0 to w): the head fragment moves toward the proximal one across the cut. Slide s: along the cut, negative = proximal. Tilt: rotation of the head fragment about the middle of its cut face, dorsiflexion positive.",
        "Épaisseur de coupe w : os retiré par la fraise. Fermeture c (de 0 à w) : le fragment de tête se rapproche du fragment proximal à travers le trait de coupe. Glissement s : le long du trait de coupe, négatif = proximal. Bascule : rotation du fragment de tête autour du milieu de sa surface de coupe, flexion dorsale positive.",
        "Grosor del corte w: hueso resecado por la fresa. Cierre c (de 0 a w): el fragmento de la cabeza se acerca al proximal a través del corte. Deslizamiento s: a lo largo del corte, negativo = proximal. Basculación: rotación del fragmento de la cabeza alrededor del centro de su cara de corte, flexión dorsal positiva.",
    ),
    m(
        "about.formulas",
        "Formulas (pure translation)",
        "Formules (translation pure)",
        "Fórmulas (traslación pura)",
    ),
    m(
        "about.formulas.1",
        "Head rise ΔH = c·cos θ + s·sin θ",
        "Élévation de la tête ΔH = c·cos θ + s·sin θ",
        "Elevación de la cabeza ΔH = c·cos θ + s·sen θ",
    ),
    m(
        "about.formulas.2",
        "Shortening on the ground ΔX = c·sin θ − s·cos θ",
        "Raccourcissement projeté au sol ΔX = c·sin θ − s·cos θ",
        "Acortamiento proyectado en el suelo ΔX = c·sen θ − s·cos θ",
    ),
    m(
        "about.formulas.3",
        "Shortening along the shaft = c·sin φ − s·cos φ; dorsal shift = c·cos φ + s·sin φ",
        "Raccourcissement selon l'axe de la diaphyse = c·sin φ − s·cos φ ; translation dorsale = c·cos φ + s·sin φ",
        "Acortamiento según el eje de la diáfisis = c·sen φ − s·cos φ; desplazamiento dorsal = c·cos φ + s·sen φ",
    ),
    m(
        "about.formulas.4",
        "Declination after δ′ = atan[(L·sin δ − ΔH) / (L·cos δ − ΔX)], L = base pivot to head centre",
        "Déclinaison après δ′ = atan[(L·sin δ − ΔH) / (L·cos δ − ΔX)], L = du pivot de la base au centre de la tête",
        "Declinación después δ′ = arctan[(L·sen δ − ΔH) / (L·cos δ − ΔX)], L = del pivote de la base al centro de la cabeza",
    ),
    m(
        "about.formulas.5",
        "Statics: R = F + P (ground force F up at the lowest point of the head; soft-tissue pull P along the shaft toward proximal, through the head centre). N = R·n (compression across the cut), T = R·t. In this order: the faces do not touch: no contact; N < 0: separates; N = 0: glides; |T| > μ·N: slides, named by the larger ground component of its direction; R crossing the cut outside the contact: tips; otherwise held.",
        "Statique\u{a0}: R = F + P (réaction du sol F vers le haut au point le plus bas de la tête\u{a0}; traction des parties molles P selon la diaphyse vers proximal, par le centre de la tête). N = R·n (compression à travers le trait d’ostéotomie), T = R·t. Dans cet ordre\u{a0}: les surfaces ne se touchent pas\u{a0}: pas de contact\u{a0}; N < 0\u{a0}: séparation\u{a0}; N = 0\u{a0}: glissement libre\u{a0}; |T| > μ·N\u{a0}: glissement, nommé par la plus grande composante de sa direction au sol\u{a0}; R croisant le trait hors du contact\u{a0}: bascule\u{a0}; sinon, la tête est maintenue.",
        "Estática: R = F + P (reacción del suelo F hacia arriba en el punto más bajo de la cabeza; tracción de partes blandas P a lo largo de la diáfisis hacia proximal, por el centro de la cabeza). N = R·n (compresión a través del trazo), T = R·t. En este orden: las caras no se tocan: sin contacto; N < 0: se separa; N = 0: se desliza libremente; |T| > μ·N: se desliza, nombrado por la mayor componente de su dirección en el suelo; R cruzando el trazo fuera del contacto: bascula; si no, queda sujeta.",
    ),
    m(
        "about.formulas.6",
        "Contact comes from the real outlines: the overlap of the two cut faces after the motion.",
        "Le contact vient des contours réels : le recouvrement des deux surfaces de coupe après le déplacement.",
        "El contacto se obtiene de los contornos reales: la superposición de las dos caras del corte tras el desplazamiento.",
    ),
    m(
        "about.sources",
        "Defaults and their sources",
        "Valeurs par défaut et leurs sources",
        "Valores por defecto y sus fuentes",
    ),
    // The model's provenance table (model::anatomy::PROVENANCE), in its order; the English
    // texts are checked against it.
    m(
        "about.provenance.1.name",
        "declination M2",
        "déclinaison M2",
        "declinación M2",
    ),
    m(
        "about.provenance.1.note",
        "15°: Trnka et al., Foot Ankle Int 2001; Leemrijse geometric analysis",
        "15° : Trnka et al., Foot Ankle Int 2001 ; analyse géométrique de Leemrijse",
        "15°: Trnka et al., Foot Ankle Int 2001; análisis geométrico de Leemrijse",
    ),
    m(
        "about.provenance.2.name",
        "declination M3, M4",
        "déclinaison M3, M4",
        "declinación M3, M4",
    ),
    m(
        "about.provenance.2.note",
        "12° and 10°: smaller laterally (Barrie & Watmough), degrees not published",
        "12° et 10° : plus faible vers le latéral (Barrie & Watmough), valeurs en degrés non publiées",
        "12° y 10°: menor hacia lateral (Barrie & Watmough), grados no publicados",
    ),
    m(
        "about.provenance.3.name",
        "axis length",
        "longueur de l'axe",
        "longitud del eje",
    ),
    m(
        "about.provenance.3.note",
        "M2 70 mm, M3 66 mm, M4 62 mm: no published lesser metatarsal lengths",
        "M2 70 mm, M3 66 mm, M4 62 mm : aucune longueur publiée des métatarsiens latéraux",
        "M2 70 mm, M3 66 mm, M4 62 mm: no hay longitudes publicadas de los metatarsianos menores",
    ),
    m(
        "about.provenance.4.name",
        "head height M2",
        "hauteur de la tête M2",
        "altura de la cabeza M2",
    ),
    m(
        "about.provenance.4.note",
        "16.1 ± 1.4 mm: Fraser et al., Foot Ankle Surg 2017",
        "16,1 ± 1,4 mm : Fraser et al., Foot Ankle Surg 2017",
        "16,1 ± 1,4 mm: Fraser et al., Foot Ankle Surg 2017",
    ),
    m(
        "about.provenance.5.name",
        "head height M3, M4",
        "hauteur de la tête M3, M4",
        "altura de la cabeza M3, M4",
    ),
    m(
        "about.provenance.5.note",
        "15.1 and 14.1 mm: interpolated between M2 16.1 and M5 13.0 mm (Fraser et al. 2017)",
        "15,1 et 14,1 mm : interpolées entre M2 16,1 et M5 13,0 mm (Fraser et al. 2017)",
        "15,1 y 14,1 mm: interpoladas entre M2 16,1 y M5 13,0 mm (Fraser et al. 2017)",
    ),
    m(
        "about.provenance.6.name",
        "neck and shaft height",
        "hauteur du col et de la diaphyse",
        "altura del cuello y de la diáfisis",
    ),
    m(
        "about.provenance.6.note",
        "about 9-10 mm: not published",
        "environ 9-10 mm : non publiée",
        "unos 9-10 mm: no publicada",
    ),
    m(
        "about.provenance.7.name",
        "base height",
        "hauteur de la base",
        "altura de la base",
    ),
    m(
        "about.provenance.7.note",
        "17 mm: drawn for context, no effect on the outcomes",
        "17 mm : dessinée pour le contexte, sans effet sur les résultats",
        "17 mm: dibujada como contexto, sin efecto en los resultados",
    ),
    m(
        "about.provenance.8.name",
        "plantar fat pad",
        "capiton plantaire",
        "almohadilla grasa plantar",
    ),
    m(
        "about.provenance.8.note",
        "6.5 mm: about 6-7 mm under the heads, Belhan et al. 2019",
        "6,5 mm : environ 6-7 mm sous les têtes, Belhan et al. 2019",
        "6,5 mm: unos 6-7 mm bajo las cabezas, Belhan et al. 2019",
    ),
    m("about.source.kerf.name", "Kerf", "Épaisseur de coupe", "Grosor del corte"),
    m(
        "about.source.kerf.note",
        "2.6 mm for one pass of a 3.1 mm Shannon burr (Karaismailoglu et al., Foot Ankle Surg 2023, measured in the calcaneus)",
        "2,6 mm pour un passage d'une fraise de Shannon de 3,1 mm (Karaismailoglu et al., Foot Ankle Surg 2023, mesurée dans le calcanéus)",
        "2,6 mm por pasada de una fresa de Shannon de 3,1 mm (Karaismailoglu et al., Foot Ankle Surg 2023, medido en el calcáneo)",
    ),
    m(
        "about.source.dmmo_cut.name",
        "DMMO cut",
        "Coupe de la DMMO",
        "Corte de la DMMO",
    ),
    m(
        "about.source.dmmo_cut.note",
        "about 45°, dorsal-distal to plantar-proximal (Beaumont cadaver study; J Clin Med 2024;13(8):2180); the reference (shaft or ground) is not stated: the shaft is assumed",
        "environ 45°, de dorsal-distal à plantaire-proximal (étude cadavérique de Beaumont ; J Clin Med 2024;13(8):2180) ; la référence (diaphyse ou sol) n'est pas précisée : la diaphyse est retenue par hypothèse",
        "unos 45°, de dorsal distal a plantar proximal (estudio en cadáver de Beaumont; J Clin Med 2024;13(8):2180); la referencia (diáfisis o suelo) no se indica: se supone la diáfisis",
    ),
    m(
        "about.source.position.name",
        "Cut position",
        "Position de la coupe",
        "Posición del corte",
    ),
    m(
        "about.source.position.note",
        "22 mm from the tip of the head, at the neck",
        "22 mm de l'extrémité de la tête, au niveau du col",
        "22 mm del extremo de la cabeza, a nivel del cuello",
    ),
    m(
        "about.source.loads.name",
        "Friction μ = 0.5 and soft-tissue pull P = 0.2 F",
        "Frottement μ = 0,5 et traction des parties molles P = 0,2 F",
        "Rozamiento μ = 0,5 y tracción de partes blandas P = 0,2 F",
    ),
    m(
        "about.source.loads.note",
        "no published bone-on-bone value or pull was found",
        "aucune valeur publiée de frottement os sur os ni de traction n'a été trouvée",
        "no se encontró ningún valor publicado de rozamiento hueso-hueso ni de tracción",
    ),
    m(
        "about.source.near_axial.name",
        "Near-axial cuts",
        "Coupes quasi axiales",
        "Cortes casi axiales",
    ),
    m(
        "about.source.near_axial.note",
        "drawn as one straight line through the whole bone, without the proximal exit cut a surgeon would add",
        "dessinées comme une seule ligne droite à travers tout l'os, sans le trait de sortie proximal qu'ajouterait un chirurgien",
        "dibujados como una sola línea recta a través de todo el hueso, sin el corte de salida proximal que añadiría un cirujano",
    ),
    m(
        "about.unknown",
        "What is not known",
        "Ce que l'on ne sait pas",
        "Lo que no se sabe",
    ),
    m(
        "about.unknown.1",
        "No published value was found for: the elevation (mm) achieved by a DMMO; the distance of the cut from the joint; lesser metatarsal lengths and M3/M4 declination; bone-on-bone friction; any relation from millimetres of shortening or elevation to plantar pressure.",
        "Aucune valeur publiée n'a été trouvée pour : l'élévation (mm) obtenue par une DMMO ; la distance entre la coupe et l'articulation ; la longueur des métatarsiens latéraux et la déclinaison de M3/M4 ; le frottement os sur os ; une relation entre les millimètres de raccourcissement ou d'élévation et la pression plantaire.",
        "No se encontró ningún valor publicado para: la elevación (mm) lograda por una DMMO; la distancia del corte a la articulación; la longitud de los metatarsianos menores y la declinación de M3/M4; el rozamiento hueso-hueso; una relación entre los milímetros de acortamiento o elevación y la presión plantar.",
    ),
    m(
        "about.unknown.2",
        "Stability ranking (Laffenêtre; Bauer, Laffenêtre, de Lavigne, EMC E-44-923): cuts oriented dorsal-distal to plantar-proximal are more stable than perpendicular or vertical cuts, which are more stable than dorsal-proximal to plantar-distal cuts; the more proximal the cut, the less stable.",
        "Classement de stabilité (Laffenêtre ; Bauer, Laffenêtre, de Lavigne, EMC E-44-923) : les coupes orientées de dorsal-distal à plantaire-proximal sont plus stables que les coupes perpendiculaires ou verticales, elles-mêmes plus stables que les coupes de dorsal-proximal à plantaire-distal ; plus la coupe est proximale, moins elle est stable.",
        "Clasificación de estabilidad (Laffenêtre; Bauer, Laffenêtre, de Lavigne, EMC E-44-923): los cortes orientados de dorsal distal a plantar proximal son más estables que los cortes perpendiculares o verticales, que son más estables que los cortes de dorsal proximal a plantar distal; cuanto más proximal es el corte, menos estable.",
    ),
    m("about.references", "References", "Références", "Referencias"),
    m(
        "about.references.1",
        "Laffenêtre O. Distal Minimally Invasive Metatarsal Osteotomy (book chapter); Laffenêtre O, Dalmau-Pastor M, Bauer T, GRECMIP. EMC 44-925, 2018.",
        "Laffenêtre O. Distal Minimally Invasive Metatarsal Osteotomy (chapitre d'ouvrage) ; Laffenêtre O, Dalmau-Pastor M, Bauer T, GRECMIP. Ostéotomies des métatarsiens latéraux. EMC 44-925, 2018.",
        "Laffenêtre O. Distal Minimally Invasive Metatarsal Osteotomy (capítulo de libro); Laffenêtre O, Dalmau-Pastor M, Bauer T, GRECMIP. EMC 44-925, 2018.",
    ),
    m(
        "about.references.2",
        "Leemrijse T (UCLouvain): geometric analysis of Weil and axial shortening osteotomies.",
        "Leemrijse T (UCLouvain) : analyse géométrique des ostéotomies de Weil et de raccourcissement axial.",
        "Leemrijse T (UCLouvain): análisis geométrico de las osteotomías de Weil y de acortamiento axial.",
    ),
    m(
        "about.references.3",
        "Trnka HJ et al. Dorsiflexion contracture after the Weil osteotomy. Foot Ankle Int 2001.",
        "Trnka HJ et al. Dorsiflexion contracture after the Weil osteotomy. Foot Ankle Int 2001.",
        "Trnka HJ et al. Dorsiflexion contracture after the Weil osteotomy. Foot Ankle Int 2001.",
    ),
    m(
        "about.references.4",
        "Fraser et al. Foot Ankle Surg 2017;23(4):230-235 (metatarsal head heights, CT).",
        "Fraser et al. Foot Ankle Surg 2017;23(4):230-235 (hauteur des têtes métatarsiennes, scanner).",
        "Fraser et al. Foot Ankle Surg 2017;23(4):230-235 (altura de las cabezas metatarsales, TC).",
    ),
    m(
        "about.references.5",
        "Domínguez-Maldonado et al. ScientificWorldJournal 2014:505736 (metatarsal protrusion).",
        "Domínguez-Maldonado et al. ScientificWorldJournal 2014:505736 (protrusion métatarsienne).",
        "Domínguez-Maldonado et al. ScientificWorldJournal 2014:505736 (protrusión metatarsal).",
    ),
    m(
        "about.references.6",
        "Belhan et al. Acta Orthop Traumatol Turc 2019;53(6):463-467 (plantar fat pad).",
        "Belhan et al. Acta Orthop Traumatol Turc 2019;53(6):463-467 (capiton plantaire).",
        "Belhan et al. Acta Orthop Traumatol Turc 2019;53(6):463-467 (almohadilla grasa plantar).",
    ),
    m(
        "about.references.7",
        "Karaismailoglu et al. Foot Ankle Surg 2023 (burr kerf).",
        "Karaismailoglu et al. Foot Ankle Surg 2023 (épaisseur de coupe de la fraise).",
        "Karaismailoglu et al. Foot Ankle Surg 2023 (grosor del corte de la fresa).",
    ),
    m(
        "about.references.8",
        "Malhotra et al. (BOFAS); J Orthop Surg Res 2019, doi 10.1186/s13018-019-1159-0 (DMMO shortening).",
        "Malhotra et al. (BOFAS) ; J Orthop Surg Res 2019, doi 10.1186/s13018-019-1159-0 (raccourcissement après DMMO).",
        "Malhotra et al. (BOFAS); J Orthop Surg Res 2019, doi 10.1186/s13018-019-1159-0 (acortamiento tras DMMO).",
    ),
    m(
        "about.references.9",
        "Henry J, Besse JL, Fessy MH. Orthop Traumatol Surg Res 2011 (Weil vs DMMO); Haque S et al. Foot Ankle Int 2016; Johansen JK et al. Foot Ankle Surg 2019.",
        "Henry J, Besse JL, Fessy MH. Orthop Traumatol Surg Res 2011 (Weil contre DMMO) ; Haque S et al. Foot Ankle Int 2016 ; Johansen JK et al. Foot Ankle Surg 2019.",
        "Henry J, Besse JL, Fessy MH. Orthop Traumatol Surg Res 2011 (Weil frente a DMMO); Haque S et al. Foot Ankle Int 2016; Johansen JK et al. Foot Ankle Surg 2019.",
    ),
    // ------------------------------------------------------------------ forefoot plan
];

/// The forefoot plan page's messages (`plan.*`, but for the entry link above). A separate table
/// so that the single-ray page's smaller WebAssembly bundle (`osteoviz-web-ray`, which never
/// shows the plan) leaves them out: there, the plan page registers them with
/// [`enable_plan_messages`] before it renders; natively they are always there.
pub const PLAN_MESSAGES: Table = table![
    m(
        "plan.settled_note",
        "Under body weight: each treated head settled under its own share of the ground force, the shares following the new heights ({n} rounds, last change {change} points).",
        "En charge\u{a0}: chaque tête traitée s’est stabilisée sous sa propre part de la réaction du sol, la répartition des charges suivant les nouvelles hauteurs ({n}\u{a0}itérations, dernier écart {change}\u{a0}point).",
        "En carga: cada cabeza tratada se asentó bajo su propia parte de la reacción del suelo, y el reparto de carga siguió las nuevas alturas ({n}\u{a0}iteraciones, último cambio {change}\u{a0}puntos).",
    ),
    m("plan.title", "Forefoot plan", "Plan de l'avant-pied", "Plan del antepié"),
    m("plan.presets", "Plan presets", "Plans prédéfinis", "Planes predefinidos"),
    m(
        "plan.edit_ray",
        "Edit a ray in its sagittal view",
        "Modifier un rayon dans sa vue sagittale",
        "Editar un radio en su vista sagital",
    ),
    m("plan.cut_ray", " cut M{n}", " couper M{n}", " cortar M{n}"),
    m("plan.compare_with", "compare with ", "comparer avec ", "comparar con "),
    m("plan.compare_nothing", "nothing", "rien", "nada"),
    m(
        "plan.side_by_side",
        "M2 + M3 + M4 vs M2 alone",
        "M2 + M3 + M4 contre M2 seul",
        "M2 + M3 + M4 frente a M2 solo",
    ),
    m("plan.single_ray", "single-ray page", "page d'un rayon", "página de un radio"),
    m(
        "plan.adjusted",
        "The plan link was adjusted: {list}.",
        "Le lien du plan a été corrigé : {list}.",
        "Se ajustó el enlace del plan: {list}.",
    ),
    m("plan.this_plan", "This plan: {label}", "Ce plan : {label}", "Este plan: {label}"),
    m(
        "plan.compare_heading",
        "Compare: {label} (default rays)",
        "Comparaison : {label} (rayons par défaut)",
        "Comparación: {label} (radios por defecto)",
    ),
    m(
        "plan.cannot_evaluate",
        "This plan cannot be evaluated: reset the edited ray.",
        "Ce plan ne peut pas être évalué : réinitialisez le rayon modifié.",
        "Este plan no se puede evaluar: restablezca el radio editado.",
    ),
    m("plan.caveat", "Caveat: ", "Mise en garde : ", "Advertencia: "),
    m(
        "plan.caveat_text",
        "Restoring the harmonious pattern does not predict the clinical result: Biz et al. (BioMed Res Int 2018:1947024) restored the ideal pattern in 3.2% of feet, and the scores improved anyway.",
        "Restaurer la morphologie harmonieuse ne prédit pas le résultat clinique : Biz et al. (BioMed Res Int 2018:1947024) ont restauré la morphologie idéale dans 3,2 % des pieds, et les scores se sont pourtant améliorés.",
        "Restaurar el patrón armónico no predice el resultado clínico: Biz et al. (BioMed Res Int 2018:1947024) restauraron el patrón ideal en el 3,2 % de los pies, y las puntuaciones mejoraron de todos modos.",
    ),
    m(
        "plan.heuristic",
        "teaching heuristic, not a measurement",
        "heuristique pédagogique, pas une mesure",
        "heurística docente, no una medición",
    ),
    m(
        "plan.transfer",
        "Transfer metatarsalgia: ",
        "Métatarsalgie de transfert : ",
        "Metatarsalgia de transferencia: ",
    ),
    m(
        "plan.no_transfer",
        "No transfer warning: no central ray is left more than 1 mm lower or longer than a treated neighbour.",
        "Pas d'alerte de transfert : aucun rayon central ne reste plus bas ou plus long de plus de 1 mm qu'un voisin traité.",
        "Sin aviso de transferencia: ningún radio central queda más de 1 mm más bajo o más largo que un vecino tratado.",
    ),
    m(
        "plan.harmony",
        "Harmony indicators (transverse plane)",
        "Indicateurs d'harmonie (plan transversal)",
        "Indicadores de armonía (plano transversal)",
    ),
    m("plan.before", "before", "avant", "antes"),
    m("plan.after", "after", "après", "después"),
    m(
        "plan.threshold_source",
        "threshold · source",
        "seuil · source",
        "umbral · fuente",
    ),
    m(
        "plan.m2_m3",
        "M2 longer than M3",
        "M2 plus long que M3",
        "M2 más largo que M3",
    ),
    m(
        "plan.sm4",
        "SM4 line from the M4 head centre (distal +)",
        "Ligne de Maestro (SM4) depuis le centre de la tête métatarsienne de M4 (distal +)",
        "Línea de Maestro (SM4) desde el centro de la cabeza metatarsal de M4 (distal +)",
    ),
    m(
        "plan.m1_m2",
        "M1 − M2 length",
        "Longueur M1 − M2",
        "Longitud M1 − M2",
    ),
    m(
        "plan.central_pattern",
        "Central metatarsalgia pattern",
        "Profil de métatarsalgie centrale",
        "Patrón de metatarsalgia central",
    ),
    m(
        "plan.heads",
        "Heads: protrusion from the M2 tip, centre height above the ground, load share ",
        "Têtes métatarsiennes : saillie par rapport à la pointe de M2, hauteur du centre au-dessus du sol, part de charge ",
        "Cabezas metatarsales: protrusión respecto a la punta de M2, altura del centro sobre el suelo, reparto de carga ",
    ),
    m(
        "plan.scene.top_title",
        "Top view of the forefoot, {label}: the metatarsal parabola before (dashed) and after (solid), the SM4 line",
        "Vue de dessus de l'avant-pied, {label} : la parabole métatarsienne avant (tirets) et après (trait plein), la ligne de Maestro (SM4)",
        "Vista superior del antepié, {label}: la parábola metatarsal antes (discontinua) y después (continua), la línea de Maestro (SM4)",
    ),
    m(
        "plan.scene.arch_title",
        "Arch view of the forefoot, {label}: head heights above the ground before (dashed) and after (solid), and the load-sharing teaching heuristic",
        "Vue de l'arche antérieure, {label} : hauteur des têtes métatarsiennes au-dessus du sol avant (tirets) et après (trait plein), et l'heuristique pédagogique de répartition de charge",
        "Vista del arco anterior, {label}: altura de las cabezas metatarsales sobre el suelo antes (discontinua) y después (continua), y la heurística docente de reparto de carga",
    ),
    m("plan.scene.sm4_line", "SM4 line", "ligne de Maestro", "línea de Maestro"),
    m(
        "plan.scene.sm4_normal",
        "normal −2 to +4 (Maestro)",
        "normale −2 à +4 (Maestro)",
        "normal −2 a +4 (Maestro)",
    ),
    m(
        "plan.scene.after_tips",
        "after (tips along the M2 axis)",
        "après (pointes, axe de M2)",
        "después (puntas, eje de M2)",
    ),
    m(
        "plan.scene.m4_zone",
        "normal zone of the M4 centre",
        "zone normale du centre de M4",
        "zona normal del centro de M4",
    ),
    m(
        "plan.scene.top_caption",
        "Top view · right foot from above, toes up",
        "Vue de dessus · pied droit vu d'en haut, orteils en haut",
        "Vista superior · pie derecho desde arriba, dedos arriba",
    ),
    m("plan.scene.ground", "ground", "sol", "suelo"),
    m("plan.scene.fat_pad", "fat pad", "capiton plantaire", "almohadilla grasa"),
    m("plan.scene.load_share", "Load share", "Charge (%)", "Carga (%)"),
    m("plan.scene.heuristic_1", "teaching", "heuristique", "heurística"),
    m("plan.scene.heuristic_2", "heuristic,", "pédagogique,", "docente,"),
    m("plan.scene.heuristic_3", "not a", "pas une", "no una"),
    m("plan.scene.heuristic_4", "measurement", "mesure", "medición"),
    m(
        "plan.scene.dashed_before",
        "dashed: before",
        "tirets : avant",
        "discontinua: antes",
    ),
    m(
        "plan.scene.arch_caption",
        "Arch view · heads seen from behind, M1 left",
        "Arche antérieure · têtes vues de derrière, M1 à gauche",
        "Arco anterior · cabezas vistas desde atrás, M1 a la izquierda",
    ),
    m("plan.no_ray_cut", "no ray cut", "aucun rayon coupé", "ningún radio cortado"),
    m("plan.ray_alone", "{ray} alone", "{ray} seul", "{ray} solo"),
    m(
        "plan.transfer_text",
        "{head} ends up {what} than the treated {neighbour}: risk of transfer metatarsalgia under {head} (teaching threshold {mm} mm)",
        "{head} se retrouve {what} que le {neighbour} traité : risque de métatarsalgie de transfert sous {head} (seuil pédagogique {mm} mm)",
        "{head} queda {what} que el {neighbour} tratado: riesgo de metatarsalgia de transferencia bajo {head} (umbral docente {mm} mm)",
    ),
    m("plan.transfer_lower", "{mm} mm lower", "{mm} mm plus bas", "{mm} mm más bajo"),
    m("plan.transfer_longer", "{mm} mm longer", "{mm} mm plus long", "{mm} mm más largo"),
    m("plan.transfer_and", " and ", " et ", " y "),
    m(
        "plan.how",
        "How the plan is computed (and what is assumed)",
        "Comment le plan est calculé (et ce qui est supposé)",
        "Cómo se calcula el plan (y qué se supone)",
    ),
    m(
        "plan.how.top",
        "Top view: each head's tip moves proximally by its ray's shortening projected on the ground; the default tips are the mean normal parabola ({source}). Arch view: each head centre rises by its ray's head rise.",
        "Vue de dessus : la pointe de chaque tête métatarsienne recule en proximal du raccourcissement de son rayon projeté au sol ; les pointes par défaut suivent la parabole métatarsienne normale moyenne ({source}). Arche antérieure : le centre de chaque tête s'élève de l'élévation de la tête de son rayon.",
        "Vista superior: la punta de cada cabeza metatarsal retrocede en sentido proximal según el acortamiento de su radio proyectado sobre el suelo; las puntas por defecto siguen la parábola metatarsal normal media ({source}). Arco anterior: el centro de cada cabeza sube según la elevación de la cabeza de su radio.",
    ),
    // The sources the paragraphs cite (model::plan::SOURCE_PROTRUSION, SOURCE_ROBOTIC in English).
    m(
        "plan.how.source_protrusion",
        "Domínguez-Maldonado et al., ScientificWorldJournal 2014:505736 (169 normal feet)",
        "Domínguez-Maldonado et al., ScientificWorldJournal 2014:505736 (169 pieds normaux)",
        "Domínguez-Maldonado et al., ScientificWorldJournal 2014:505736 (169 pies normales)",
    ),
    m(
        "plan.how.load_title",
        "Load share, a teaching heuristic, not a measurement",
        "Part de charge, une heuristique pédagogique et non une mesure",
        "Reparto de carga, una heurística docente y no una medición",
    ),
    m(
        "plan.how.load",
        " (no published relation from millimetres to plantar pressure exists). Each metatarsal is pressed down by an equal share of the load and rests on its fat pad, a spring k; neighbours are tied by intermetatarsal ligaments, springs {coupling}·k. A head raised by x compresses its pad less: (d_i − x_i) + c·Σ_neighbours (d_i − d_j) = δ₀, load_i = k·(d_i − x_i), share_i = load_i / Σ load, with x = head rise + ground shortening · sin {deg}° (push-off heel rise) and δ₀ = {mm} mm; a head pulled off the ground carries nothing. Shortening or raising M2 alone moves load to M1 and M3, as the {source} found. Transfer warning: a central ray more than {threshold} mm lower or longer than a treated neighbour.",
        " (il n'existe aucune relation publiée entre les millimètres et la pression plantaire). Chaque métatarsien reçoit une part égale de la charge et repose sur son capiton plantaire, un ressort k ; les voisins sont liés par les ligaments intermétatarsiens, des ressorts {coupling}·k. Une tête élevée de x comprime moins son capiton : (d_i − x_i) + c·Σ_voisins (d_i − d_j) = δ₀, charge_i = k·(d_i − x_i), part_i = charge_i / Σ charge, avec x = élévation de la tête + raccourcissement au sol · sin {deg}° (élévation du talon en phase propulsive) et δ₀ = {mm} mm ; une tête soulevée du sol ne porte rien. Raccourcir ou élever M2 seul reporte la charge sur M1 et M3, comme l'a constaté {source}. Alerte de transfert : un rayon central plus bas ou plus long de plus de {threshold} mm qu'un voisin traité.",
        " (no existe ninguna relación publicada entre los milímetros y la presión plantar). Cada metatarsiano recibe una parte igual de la carga y descansa sobre su almohadilla grasa, un muelle k; los vecinos están unidos por los ligamentos intermetatarsianos, muelles {coupling}·k. Una cabeza elevada en x comprime menos su almohadilla: (d_i − x_i) + c·Σ_vecinos (d_i − d_j) = δ₀, carga_i = k·(d_i − x_i), reparto_i = carga_i / Σ carga, con x = elevación de la cabeza + acortamiento en el suelo · sen {deg}° (elevación del talón en el despegue) y δ₀ = {mm} mm; una cabeza que se separa del suelo no soporta nada. Acortar o elevar M2 solo desplaza la carga a M1 y M3, como halló {source}. Aviso de transferencia: un radio central más de {threshold} mm más bajo o más largo que un vecino tratado.",
    ),
    m(
        "plan.how.source_robotic",
        "robotic cadaver study of second-metatarsal osteotomies (reference §7)",
        "l'étude robotisée sur cadavre des ostéotomies du deuxième métatarsien (référence §7)",
        "el estudio robótico en cadáver de las osteotomías del segundo metatarsiano (referencia §7)",
    ),
    // The plan's provenance table (model::plan::PROVENANCE), in its order; the English texts
    // are checked against it.
    m(
        "plan.provenance.1.name",
        "protrusions relative to M2",
        "protrusion par rapport à M2",
        "protrusión respecto a M2",
    ),
    m(
        "plan.provenance.1.note",
        "M1 +0.94, M3 −4.44, M4 −11.17, M5 −20.21 mm: Domínguez-Maldonado et al. 2014 (169 normal feet)",
        "M1 +0,94, M3 −4,44, M4 −11,17, M5 −20,21 mm : Domínguez-Maldonado et al. 2014 (169 pieds normaux)",
        "M1 +0,94, M3 −4,44, M4 −11,17, M5 −20,21 mm: Domínguez-Maldonado et al. 2014 (169 pies normales)",
    ),
    m(
        "plan.provenance.2.name",
        "head heights M2, M5",
        "hauteur des têtes M2, M5",
        "altura de las cabezas M2, M5",
    ),
    m(
        "plan.provenance.2.note",
        "16.1 and 13.0 mm: Fraser et al., Foot Ankle Surg 2017",
        "16,1 et 13,0 mm : Fraser et al., Foot Ankle Surg 2017",
        "16,1 y 13,0 mm: Fraser et al., Foot Ankle Surg 2017",
    ),
    m(
        "plan.provenance.3.name",
        "head heights M3, M4",
        "hauteur des têtes M3, M4",
        "altura de las cabezas M3, M4",
    ),
    m(
        "plan.provenance.3.note",
        "15.1 and 14.1 mm: interpolated between M2 and M5 (Fraser et al.)",
        "15,1 et 14,1 mm : interpolées entre M2 et M5 (Fraser et al.)",
        "15,1 y 14,1 mm: interpoladas entre M2 y M5 (Fraser et al.)",
    ),
    m(
        "plan.provenance.4.name",
        "head height M1",
        "hauteur de la tête M1",
        "altura de la cabeza M1",
    ),
    m(
        "plan.provenance.4.note",
        "20 mm: not in the reference, drawn for context",
        "20 mm : absente de la référence, dessinée pour le contexte",
        "20 mm: no figura en la referencia, dibujada como contexto",
    ),
    m("plan.provenance.5.name", "declinations", "déclinaisons", "declinaciones"),
    m(
        "plan.provenance.5.note",
        "M1 20° (Radiopaedia), M2 15° (Trnka et al. 2001)",
        "M1 20° (Radiopaedia), M2 15° (Trnka et al. 2001)",
        "M1 20° (Radiopaedia), M2 15° (Trnka et al. 2001)",
    ),
    m(
        "plan.provenance.6.name",
        "declinations M3, M4, M5",
        "déclinaisons M3, M4, M5",
        "declinaciones M3, M4, M5",
    ),
    m(
        "plan.provenance.6.note",
        "12°, 10°, 7°: smaller laterally (Barrie & Watmough), degrees not published",
        "12°, 10°, 7° : plus faibles vers le latéral (Barrie & Watmough), valeurs en degrés non publiées",
        "12°, 10°, 7°: menores hacia lateral (Barrie & Watmough), grados no publicados",
    ),
    m(
        "plan.provenance.7.name",
        "medio-lateral spacing of the heads",
        "écart médio-latéral des têtes",
        "separación mediolateral de las cabezas",
    ),
    m(
        "plan.provenance.7.note",
        "19, 18, 17, 16 mm between head centres, axes drawn parallel: not published",
        "19, 18, 17, 16 mm entre les centres des têtes, axes dessinés parallèles : non publié",
        "19, 18, 17, 16 mm entre los centros de las cabezas, ejes dibujados paralelos: no publicado",
    ),
    m(
        "plan.provenance.8.name",
        "loaded level of the heads",
        "niveau des têtes en charge",
        "nivel de las cabezas en carga",
    ),
    m(
        "plan.provenance.8.note",
        "every head's lowest point on a 6.5 mm fat pad before surgery (all five bear weight)",
        "le point le plus bas de chaque tête sur un capiton plantaire de 6,5 mm avant l'intervention (les cinq têtes sont en appui)",
        "el punto más bajo de cada cabeza sobre una almohadilla grasa de 6,5 mm antes de la cirugía (las cinco cabezas apoyan)",
    ),
    m(
        "plan.provenance.9.name",
        "head centre",
        "centre de la tête",
        "centro de la cabeza",
    ),
    m(
        "plan.provenance.9.note",
        "one sagittal head radius proximal of the tip (a round head)",
        "à un rayon de courbure sagittal de la tête en proximal de la pointe (tête ronde)",
        "a un radio sagital de la cabeza en proximal de la punta (cabeza redonda)",
    ),
    m(
        "plan.provenance.10.name",
        "lateral sesamoid",
        "sésamoïde latéral",
        "sesamoideo lateral",
    ),
    m(
        "plan.provenance.10.note",
        "on the line through the intact M4 head centre (Maestro's harmonious foot), 4 mm lateral of the M1 head centre; M1 is not cut",
        "sur la ligne passant par le centre de la tête de M4 intacte (pied harmonieux de Maestro), 4 mm en latéral du centre de la tête de M1 ; M1 n'est pas coupé",
        "en la línea que pasa por el centro de la cabeza intacta de M4 (pie armónico de Maestro), 4 mm lateral al centro de la cabeza de M1; M1 no se corta",
    ),
    m(
        "plan.provenance.11.name",
        "load-sharing heuristic",
        "heuristique de répartition de charge",
        "heurística de reparto de carga",
    ),
    m(
        "plan.provenance.11.note",
        "springs: fat pad k, intermetatarsal ties 1·k, pad compression 3 mm, push-off heel rise 20°; no published mm-to-pressure relation",
        "ressorts : capiton plantaire k, liaisons intermétatarsiennes 1·k, compression du capiton 3 mm, élévation du talon en phase propulsive 20° ; aucune relation publiée entre millimètres et pression",
        "muelles: almohadilla grasa k, uniones intermetatarsianas 1·k, compresión de la almohadilla 3 mm, elevación del talón en el despegue 20°; ninguna relación publicada entre milímetros y presión",
    ),
    m(
        "plan.provenance.12.name",
        "transfer warning",
        "alerte de transfert",
        "aviso de transferencia",
    ),
    m(
        "plan.provenance.12.note",
        "a central ray more than 1 mm lower or longer than a treated neighbour",
        "un rayon central plus bas ou plus long de plus de 1 mm qu'un voisin traité",
        "un radio central más de 1 mm más bajo o más largo que un vecino tratado",
    ),
    // Plan presets' tooltips.
    m(
        "plan.preset.m2.description",
        "DMMO of M2 alone: its neighbours M1 and M3 take the load it loses.",
        "DMMO de M2 seul : ses voisins M1 et M3 reprennent la charge qu'il perd.",
        "DMMO de M2 solo: sus vecinos M1 y M3 asumen la carga que pierde.",
    ),
    m(
        "plan.preset.m2m3.description",
        "DMMO of M2 and M3: M4 is left lower and longer than M3.",
        "DMMO de M2 et M3 : M4 reste plus bas et plus long que M3.",
        "DMMO de M2 y M3: M4 queda más bajo y más largo que M3.",
    ),
    m(
        "plan.preset.m2m3m4.description",
        "DMMO of M2, M3 and M4 (the usual plan, even for an asymptomatic M4): the central heads move together.",
        "DMMO de M2, M3 et M4 (le plan habituel, même pour un M4 asymptomatique) : les têtes métatarsiennes centrales se déplacent ensemble.",
        "DMMO de M2, M3 y M4 (el plan habitual, incluso con un M4 asintomático): las cabezas metatarsales centrales se desplazan juntas.",
    ),
    // The ray selector and the hint under the panel.
    m(
        "plan.ray_title",
        "Edit M{n} in its sagittal view",
        "Modifier M{n} dans sa vue sagittale",
        "Editar M{n} en su vista sagital",
    ),
    m(
        "plan.edit_hint",
        "Below: the sagittal view of M{n} (seen from medial). Its controls edit M{n} in this plan; select another ray above or click a head.",
        "Ci-dessous : la vue sagittale de M{n} (vue du côté médial). Ses réglages modifient M{n} dans ce plan ; choisissez un autre rayon ci-dessus ou cliquez sur une tête métatarsienne.",
        "Abajo: la vista sagital de M{n} (desde medial). Sus controles editan M{n} en este plan; seleccione otro radio arriba o haga clic en una cabeza metatarsal.",
    ),
    // Harmony indicators: status words ({mm}: Barouk's threshold) and thresholds.
    m("plan.status.within", "within", "sous le seuil", "bajo el umbral"),
    m("plan.status.over", "over {mm} mm", "plus de {mm} mm", "más de {mm} mm"),
    m("plan.status.normal", "normal", "normale", "normal"),
    m("plan.status.outside", "outside", "hors norme", "fuera de la norma"),
    m("plan.yes", "yes", "oui", "sí"),
    m("plan.no", "no", "non", "no"),
    m(
        "plan.threshold.m2_m3",
        "over {mm} mm, with the SM4 line proximal to the M4 head centre: central metatarsalgia pattern",
        "plus de {mm} mm, avec la ligne de Maestro proximale au centre de la tête de M4 : profil de métatarsalgie centrale",
        "más de {mm} mm, con la línea de Maestro proximal al centro de la cabeza de M4: patrón de metatarsalgia central",
    ),
    m(
        "plan.threshold.sm4",
        "normal from {proximal} mm proximal to {distal} mm distal of the M4 head centre",
        "normale de {proximal} mm en proximal à {distal} mm en distal du centre de la tête de M4",
        "normal desde {proximal} mm en proximal hasta {distal} mm en distal del centro de la cabeza de M4",
    ),
    m(
        "plan.threshold.sm4_assumption",
        "sesamoid placed on the intact M4 head centre of the mean normal foot",
        "sésamoïde placé au niveau du centre de la tête de M4 intacte du pied normal moyen",
        "sesamoideo situado a la altura del centro de la cabeza intacta de M4 del pie normal medio",
    ),
    m(
        "plan.threshold.m1_m2",
        "normal: M1 as long as M2 or up to 2 mm shorter (−2 to 0 mm)",
        "normale : M1 aussi long que M2 ou jusqu'à 2 mm plus court (de −2 à 0 mm)",
        "normal: M1 tan largo como M2 o hasta 2 mm más corto (de −2 a 0 mm)",
    ),
    m(
        "plan.threshold.central_pattern",
        "M2 over {mm} mm longer than M3 and the SM4 line proximal to the M4 head centre",
        "M2 plus long que M3 de plus de {mm} mm et ligne de Maestro proximale au centre de la tête de M4",
        "M2 más de {mm} mm más largo que M3 y línea de Maestro proximal al centro de la cabeza de M4",
    ),
    // The heads' table: column headings, what each head is, the details under a value.
    m("plan.col.tip_before", "tip before", "pointe avant", "punta antes"),
    m("plan.col.tip_after", "tip after", "pointe après", "punta después"),
    m("plan.col.height_before", "height before", "hauteur avant", "altura antes"),
    m("plan.col.height_after", "height after", "hauteur après", "altura después"),
    m("plan.col.load_before", "load before", "charge avant", "carga antes"),
    m("plan.col.load_after", "load after", "charge après", "carga después"),
    m("plan.head.reference", "reference", "référence", "referencia"),
    m("plan.head.cut", "cut", "coupé", "cortado"),
    m("plan.head.not_cut", "not cut", "non coupé", "no cortado"),
    m("plan.head.shortened", "shortened", "raccourcissement", "acortamiento"),
    m("plan.head.rise", "rise", "élévation", "elevación"),
    m("plan.percent", "{n}%", "{n}\u{a0}%", "{n}\u{a0}%"),
    m(
        "plan.evenness",
        "Evenness of M2-M4 loads (coefficient of variation): ",
        "Homogénéité des charges M2-M4 (coefficient de variation) : ",
        "Homogeneidad de las cargas M2-M4 (coeficiente de variación): ",
    ),
    m(
        "plan.largest_gain",
        " · largest gain on M2-M4: ",
        " · plus forte hausse sur M2-M4 : ",
        " · mayor aumento en M2-M4: ",
    ),
    m("plan.points", "{n} points", "{n} points", "{n} puntos"),
];

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| index_of(&MESSAGES))
}

fn index_of(table: &Table) -> Index {
    table.messages().into_iter().map(|m| (m.id, m)).collect()
}

/// The catalogue entry of an id.
pub fn message(id: &str) -> Option<Message> {
    index()
        .get(id)
        .or_else(|| plan_index()?.get(id))
        .or_else(|| about_index()?.get(id))
        .copied()
}

type Index = std::collections::HashMap<&'static str, Message>;

static PLAN_INDEX: OnceLock<Index> = OnceLock::new();
static ABOUT_INDEX: OnceLock<Index> = OnceLock::new();

/// Makes the About panel's messages ([`ABOUT_MESSAGES`]) available to [`tr`]; the panel calls
/// it first thing.
pub fn enable_about_messages() {
    ABOUT_INDEX.get_or_init(|| index_of(&ABOUT_MESSAGES));
}

fn about_index() -> Option<&'static Index> {
    #[cfg(not(target_arch = "wasm32"))]
    enable_about_messages();
    ABOUT_INDEX.get()
}

/// Makes the plan's messages ([`PLAN_MESSAGES`]) available to [`tr`]. The plan page calls it
/// first thing; nothing else refers to the table, so a bundle without the plan page does not
/// carry its text.
pub fn enable_plan_messages() {
    PLAN_INDEX.get_or_init(|| index_of(&PLAN_MESSAGES));
}

fn plan_index() -> Option<&'static Index> {
    #[cfg(not(target_arch = "wasm32"))]
    enable_plan_messages();
    PLAN_INDEX.get()
}

/// The text of `id` in `lang` exactly as catalogued: `None` for an unknown id or a missing
/// (empty) translation. [`tr`] is the one to display; this one is for tests.
pub fn lookup(lang: Lang, id: &str) -> Option<&'static str> {
    message(id).map(|m| m.text(lang)).filter(|t| !t.is_empty())
}

/// The text of `id` in `lang`; English where the translation is missing (or, in a build
/// without English, the language it carries), and the marker `⟦id⟧` for an id the catalogue
/// does not hold.
pub fn tr(lang: Lang, id: &str) -> &'static str {
    match message(id) {
        Some(m) => [m.text(lang), m.en, m.fr, m.es]
            .into_iter()
            .find(|t| !t.is_empty())
            .unwrap_or(""),
        None => missing(id),
    }
}

/// `⟦id⟧` for an unknown id: a programming error that the tests fail on, so its few bytes are
/// simply leaked (no cache's code in the bundle).
fn missing(id: &str) -> &'static str {
    Box::leak(format!("{MISSING_MARK}{id}⟧").into_boxed_str())
}

/// The ids `prefix.1`, `prefix.2`… that the catalogue holds, in order (the paragraphs of a
/// section of the About panel).
pub fn numbered(prefix: &str) -> impl Iterator<Item = &'static str> + '_ {
    (1..)
        .map_while(move |i| message(&format!("{prefix}.{i}")))
        .map(|m| m.id)
}

/// Every id, in catalogue order.
pub fn all_ids() -> impl Iterator<Item = &'static str> {
    all_messages().map(|m| m.id)
}

/// Every message, the plan's included, in catalogue order.
pub fn all_messages() -> impl Iterator<Item = Message> {
    MESSAGES
        .messages()
        .into_iter()
        .chain(ABOUT_MESSAGES.messages())
        .chain(PLAN_MESSAGES.messages())
}

/// Fills a template's `{name}` placeholders. A placeholder without a value is left as written
/// (and fails the tests, which look for `{` in rendered text).
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (v.to_string(), close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(&v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// [`tr`] then [`fill`].
pub fn trf(lang: Lang, id: &str, args: &[(&str, &dyn Display)]) -> String {
    fill(tr(lang, id), args)
}

/// The placeholder names of a template, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

/// A number written by the Rust formatter (`-12.5`) in the language's convention: a decimal
/// comma in French and Spanish.
pub fn decimal(lang: Lang, text: String) -> String {
    match lang {
        Lang::En => text,
        Lang::Fr | Lang::Es => text.replace('.', ","),
    }
}

/// A number with exactly `decimals` decimals, in the language's convention ("2,30").
pub fn fixed(lang: Lang, value: f64, decimals: usize) -> String {
    decimal(lang, format_fixed(value, decimals))
}

/// A number with at most `decimals` decimals, trailing zeros trimmed ("2,3").
pub fn number(lang: Lang, value: f64, decimals: usize) -> String {
    decimal(lang, format_number(value, decimals))
}

/// The text with its first letter in upper case.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for id in all_ids() {
            assert!(seen.insert(id), "{id} is in the catalogue twice");
            assert!(
                id.split('.').all(|part| !part.is_empty()
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')),
                "{id} is not a dotted lower-case id"
            );
        }
        assert!(seen.len() >= 150, "{} ids", seen.len());
    }

    /// Every id has a non-empty text in every language (so `tr` never falls back), with the
    /// same placeholders as English; French and Spanish differ from English except for the
    /// documented few, and no text is a marker.
    #[test]
    fn every_id_is_translated_in_every_language() {
        let mut problems = Vec::new();
        for m in all_messages() {
            let en_places = {
                let mut p = placeholders(m.en);
                p.sort_unstable();
                p
            };
            for lang in Lang::ALL {
                let Some(text) = lookup(lang, m.id) else {
                    problems.push(format!("{}: no {} text", m.id, lang.code()));
                    continue;
                };
                assert_eq!(tr(lang, m.id), text);
                if text.contains(MISSING_MARK) || text.trim().is_empty() {
                    problems.push(format!("{}: {} text {text:?}", m.id, lang.code()));
                }
                let mut places = placeholders(text);
                places.sort_unstable();
                if places != en_places {
                    problems.push(format!(
                        "{}: {} placeholders {places:?}, English {en_places:?}",
                        m.id,
                        lang.code()
                    ));
                }
                let listed = SAME_AS_ENGLISH.contains(&(lang, m.id));
                if lang != Lang::En && (text == m.en) != listed {
                    problems.push(format!(
                        "{}: {} text {} English but {} in SAME_AS_ENGLISH",
                        m.id,
                        lang.code(),
                        if text == m.en {
                            "equals"
                        } else {
                            "differs from"
                        },
                        if listed { "is" } else { "not" },
                    ));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        // "Most" ids differ: the documented exceptions stay a short list.
        assert!(SAME_AS_ENGLISH.len() * 20 < all_messages().count() * 2);
        for (_, id) in SAME_AS_ENGLISH {
            assert!(
                message(id).is_some(),
                "{id} in SAME_AS_ENGLISH is not an id"
            );
        }
    }

    #[test]
    fn an_unknown_id_is_a_visible_marker() {
        assert_eq!(tr(Lang::Fr, "no.such.id"), "⟦no.such.id⟧");
        assert_eq!(tr(Lang::Es, "no.such.id"), tr(Lang::En, "no.such.id"));
        assert_eq!(lookup(Lang::En, "no.such.id"), None);
    }

    #[test]
    fn templates_take_their_arguments_and_numbers_follow_the_language() {
        let kerf = fixed(Lang::Fr, 2.6, 1);
        assert_eq!(
            trf(Lang::Fr, "summary.closing_kerf", &[("kerf", &kerf)]),
            "en fermant le trait de coupe de 2,6 mm"
        );
        assert_eq!(
            trf(
                Lang::En,
                "summary.closing_kerf",
                &[("kerf", &fixed(Lang::En, 2.6, 1))]
            ),
            "closing the 2.6 mm kerf"
        );
        assert_eq!(fill("{a} {b} {a}", &[("a", &1), ("b", &"x")]), "1 x 1");
        assert_eq!(fill("{missing} }{", &[]), "{missing} }{");
        assert_eq!(fixed(Lang::Es, -12.345, 2), "-12,35");
        assert_eq!(number(Lang::Fr, 0.5, 2), "0,5");
        assert_eq!(number(Lang::En, 0.5, 2), "0.5");
        assert_eq!(placeholders("{mm} and {deg}°"), vec!["mm", "deg"]);
        assert_eq!(capitalise("étape"), "Étape");
    }
}
