//! The forefoot plan: five metatarsal heads, the metatarsal parabola, the anterior arch and a
//! load-sharing **teaching heuristic**. Pure numbers: each lesser ray's head motion comes from
//! its own single-ray evaluation ([`super::evaluate()`]); M1 and M5 are references and never move.
//!
//! It may import the single-ray model (anatomy, evaluation, settling); nothing above the model.
//!
//! # Views and conventions
//!
//! Heads are the [`Head`]s M1..M5; arrays of per-head values are indexed by [`Head::index`]
//! (0 for M1). M1 is on the left in both views.
//!
//! * **Top view** (transverse plane, as on a dorso-plantar radiograph of a right foot seen from
//!   above, toes up): x = medio-lateral position of the head centre (mm, lateral positive, M1 at
//!   0); y = position along the foot, parallel to the second metatarsal axis, distal positive,
//!   0 at the distal tip of the intact M2 head. A head's tip is at its **protrusion**; its
//!   centre one sagittal head radius proximal of the tip (a round head, **assumption**). After
//!   the osteotomy the tip moves proximally by the ray's `ground_shortening_mm` (the ground
//!   projection is the radiograph's projection).
//! * **Arch view** (frontal section through the heads, seen from behind, M1 on the left): the
//!   height of each head centre above the ground. Before: every head's lowest point on the same
//!   loaded fat pad ([`FAT_PAD_MM`], **assumption**: all five heads bear weight), so the centre is
//!   at fat pad + head radius. After: plus the ray's `head_rise_mm`.
//!
//! # Harmony references (reference §5)
//!
//! * M2 more than [`M2_M3_PATTERN_MM`] = 3 mm longer than M3, with the SM4 line proximal to the
//!   centre of the M4 head: the pattern of central metatarsalgia (Barouk 2005).
//! * SM4 (Maestro) line: perpendicular to the M2 axis through the lateral sesamoid; normal
//!   between 2 mm proximal and 4 mm distal of the M4 head centre ([`SM4_NORMAL_MM`]).
//! * M1 as long as M2 or up to 2 mm shorter ([`M1_M2_NORMAL_MM`], Maestro).
//!
//! Construction of the SM4 line (**assumption**): the lateral sesamoid's position along the foot
//! is not in the reference. It is placed where Maestro's harmonious forefoot puts it: on the
//! line through the centre of the intact M4 head of the reference foot (the mean normal
//! parabola of Domínguez-Maldonado et al.), 4 mm lateral of the M1 head centre, and it does not
//! move (M1 is not cut). So the reference foot's SM4 offset is 0, and shortening M4 moves the
//! line distal of the M4 head centre by the M4 shortening.
//!
//! Harmony does not predict the clinical result ([`CAVEAT`]).
//!
//! # Load-sharing teaching heuristic (not a prediction)
//!
//! No published relation from millimetres of elevation or shortening to plantar pressure exists
//! (reference §7), so [`load_shares`] is a **teaching heuristic**, built only to show the
//! direction load moves. Each metatarsal is pressed down by an equal share of the forefoot load
//! and rests on its plantar fat pad, a spring of stiffness k; neighbouring metatarsals are tied
//! by the intermetatarsal ligaments, springs of stiffness c·k ([`LOAD_COUPLING`], c = 1). A head
//! raised by x compresses its pad less. With d the downward displacement of each ray and
//! δ₀ = [`PAD_COMPRESSION_MM`] the pad compression under an equal share:
//!
//! ```text
//!   (d_i − x_i) + c · Σ_{j neighbour of i} (d_i − d_j) = δ₀        load_i = k · (d_i − x_i)
//!   share_i = load_i / Σ load        x_i = head_rise_i + ground_shortening_i · sin β
//! ```
//!
//! β = [`PUSH_OFF_HEEL_RISE_DEG`] (20°): in push-off the heel is raised, so a head that sits ΔX
//! more proximally is ΔX·sin β higher above the ground line. A head the solution would pull off
//! the ground carries nothing (its spring is removed and the system solved again). Before any
//! osteotomy every share is 20 %. Consequences, as the robotic cadaver study found (§7): raising
//! or shortening M2 alone lowers its share and raises M1's and M3's; treating M2, M3 and M4
//! together leaves the central shares close to one another and moves load to the pillars M1
//! and M5. The evenness measures are the coefficient of variation (population standard deviation
//! / mean) of the M2-M4 shares and the largest share increase on a central ray (M2-M4).
//!
//! Transfer metatarsalgia warning (**assumption**, a teaching threshold): a central ray (M2-M4)
//! that ends up more than [`TRANSFER_THRESHOLD_MM`] lower (less rise) or longer (less
//! shortening) than a treated central neighbour. M1 (with its sesamoids) and M5 are the
//! pillars of the anterior arch: load moving to them is the aim, so they get no warning.

use super::anatomy::{Provenance, Ray, M5_HEAD_HEIGHT_MM, PROTRUSION_RELATIVE_TO_M2_MM};
use serde::Serialize;

/// Number of metatarsal heads.
pub const HEADS: usize = 5;

/// A metatarsal head of the forefoot, M1 (medial) to M5 (serialised as its name, "m1").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Head {
    /// The first metatarsal: the medial pillar of the anterior arch, with the sesamoids; never cut.
    M1,
    /// The second metatarsal, a lesser ray the plan can cut.
    M2,
    /// The third metatarsal, a lesser ray the plan can cut.
    M3,
    /// The fourth metatarsal, a lesser ray the plan can cut.
    M4,
    /// The fifth metatarsal: the lateral pillar of the anterior arch; never cut.
    M5,
}

impl Head {
    /// Medial to lateral, in the order of every per-head array.
    pub const ALL: [Head; HEADS] = [Head::M1, Head::M2, Head::M3, Head::M4, Head::M5];

    /// Position in per-head arrays (M1 = 0).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// Its name in query prefixes and JSON keys: "m1" to "m5".
    pub const fn name(self) -> &'static str {
        match self {
            Head::M1 => "m1",
            Head::M2 => "m2",
            Head::M3 => "m3",
            Head::M4 => "m4",
            Head::M5 => "m5",
        }
    }

    /// Its number, 1 to 5.
    pub const fn number(self) -> u8 {
        self as u8 + 1
    }

    /// The lesser ray the plan can cut (M2-M4); `None` for the references M1 and M5.
    pub const fn ray(self) -> Option<Ray> {
        match self {
            Head::M2 => Some(Ray::M2),
            Head::M3 => Some(Ray::M3),
            Head::M4 => Some(Ray::M4),
            Head::M1 | Head::M5 => None,
        }
    }

    /// The head of a lesser ray.
    pub const fn of_ray(ray: Ray) -> Head {
        match ray {
            Ray::M2 => Head::M2,
            Ray::M3 => Head::M3,
            Ray::M4 => Head::M4,
        }
    }

    /// M1 and M5: references, never cut.
    pub const fn is_reference(self) -> bool {
        self.ray().is_none()
    }

    /// The medial and lateral neighbours that exist.
    pub fn neighbours(self) -> impl Iterator<Item = Head> {
        let i = self.index();
        [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| Head::ALL.get(j).copied())
    }
}

/// Medio-lateral position of each head centre (mm, M1 at 0, lateral positive): head centres
/// 19, 18, 17 and 16 mm apart (**assumption**: about 18-20 mm, not published).
pub const TRANSVERSE_MM: [f64; HEADS] = [0.0, 19.0, 37.0, 54.0, 70.0];

/// Medio-lateral width of each head as drawn in the top view (mm, **assumption**).
pub const HEAD_WIDTH_MM: [f64; HEADS] = [20.0, 11.0, 10.5, 10.0, 10.0];

/// Dorsal-plantar height of the M1 head (mm, **assumption**: not in the reference).
pub const M1_HEAD_HEIGHT_MM: f64 = 20.0;

/// M1 declination (°): 20-21°, Radiopaedia (first metatarsal declination angle).
pub const M1_DECLINATION_DEG: f64 = 20.0;

/// M5 declination (°, **assumption**: smaller laterally, not published).
pub const M5_DECLINATION_DEG: f64 = 7.0;

/// Plantar fat pad under every head (mm): about 6-7 mm, Belhan et al. 2019 (the lesser rays'
/// anatomy uses the same value).
pub const FAT_PAD_MM: f64 = 6.5;

/// Medio-lateral offset of the lateral sesamoid from the M1 head centre (mm, **assumption**).
pub const LATERAL_SESAMOID_X_MM: f64 = 4.0;

/// Barouk 2005: M2 more than this much longer than M3 (with the SM4 line proximal to the M4 head
/// centre) is the pattern of central metatarsalgia.
pub const M2_M3_PATTERN_MM: f64 = 3.0;

/// Maestro: the SM4 line is normal from 2 mm proximal (−2) to 4 mm distal (+4) of the M4 head
/// centre.
pub const SM4_NORMAL_MM: (f64, f64) = (-2.0, 4.0);

/// Maestro: M1 as long as M2 or up to 2 mm shorter (M1 − M2 from −2 to 0 mm).
pub const M1_M2_NORMAL_MM: (f64, f64) = (-2.0, 0.0);

/// Barouk's central metatarsalgia pattern, short form for a tag.
pub const SOURCE_BAROUK_SHORT: &str = "Barouk 2005";
/// Maestro's SM4 and M1−M2 thresholds, short form for a tag.
pub const SOURCE_MAESTRO_SHORT: &str = "Maestro";
/// Barouk's central metatarsalgia pattern, full reference for a title.
pub const SOURCE_BAROUK: &str = "Barouk, Forefoot Reconstruction, 2005";
/// Maestro's SM4 and M1−M2 thresholds, full reference for a title.
pub const SOURCE_MAESTRO: &str = "Maestro et al., JBJS Br Orthop Proc 84-B Supp I";
/// The reference foot's protrusions: the mean normal metatarsal parabola.
pub const SOURCE_PROTRUSION: &str =
    "Domínguez-Maldonado et al., ScientificWorldJournal 2014:505736 (169 normal feet)";
/// The study that found shortening M2 lowers its pressure and raises M1's and M3's (reference §7).
pub const SOURCE_ROBOTIC: &str = "robotic cadaver study of second-metatarsal osteotomies";

/// The caveat to show with the harmony indicators.
pub const CAVEAT: &str = "Restoring the harmonious pattern does not predict the clinical result: \
Biz et al. (BioMed Res Int 2018:1947024) restored the ideal pattern in 3.2% of feet, and the \
scores improved anyway.";

/// Heuristic: intermetatarsal tie stiffness as a multiple of the fat pad's (**assumption**).
pub const LOAD_COUPLING: f64 = 1.0;
/// Heuristic: heel rise in push-off (°, **assumption**).
pub const PUSH_OFF_HEEL_RISE_DEG: f64 = 20.0;
/// Heuristic: fat pad compression under an equal share of the forefoot load (mm,
/// **assumption**); a head raised more than about this much relative to its neighbours unloads.
pub const PAD_COMPRESSION_MM: f64 = 3.0;
/// Transfer warning: "markedly" lower or longer than a treated neighbour (mm, **assumption**).
pub const TRANSFER_THRESHOLD_MM: f64 = 1.0;

/// The intact reference foot: one row per head.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct HeadReference {
    /// Its name in query prefixes and JSON keys: "m1" to "m5".
    pub name: &'static str,
    /// Medio-lateral position of the head centre (mm, M1 at 0).
    pub transverse_mm: f64,
    /// Tip of the head along the foot relative to the M2 tip (mm, distal positive).
    pub protrusion_mm: f64,
    /// Standard deviation of the protrusion (mm).
    pub protrusion_sd_mm: f64,
    /// Dorsal-plantar head height (its diameter here).
    pub head_height_mm: f64,
    /// Medio-lateral head width (drawn only).
    pub head_width_mm: f64,
    /// δ: declination of the metatarsal axis below the ground (°).
    pub declination_deg: f64,
}

impl HeadReference {
    /// Sagittal head radius (mm): half the head height.
    pub fn radius_mm(&self) -> f64 {
        self.head_height_mm / 2.0
    }
    /// The head centre along the foot (mm), intact.
    pub fn centre_mm(&self) -> f64 {
        self.protrusion_mm - self.radius_mm()
    }
    /// Height of the head centre above the ground, intact and loaded (mm).
    pub fn centre_height_mm(&self) -> f64 {
        FAT_PAD_MM + self.radius_mm()
    }
}

/// The reference foot, M1 to M5 (see [`PROVENANCE`]).
pub fn reference_heads() -> [HeadReference; HEADS] {
    std::array::from_fn(|i| {
        let head = Head::ALL[i];
        let (height, declination) = match (head, head.ray()) {
            (_, Some(ray)) => {
                let a = ray.anatomy();
                (a.head_height_mm, a.declination_deg)
            }
            (Head::M1, None) => (M1_HEAD_HEIGHT_MM, M1_DECLINATION_DEG),
            (_, None) => (M5_HEAD_HEIGHT_MM, M5_DECLINATION_DEG),
        };
        HeadReference {
            name: head.name(),
            transverse_mm: TRANSVERSE_MM[i],
            protrusion_mm: PROTRUSION_RELATIVE_TO_M2_MM[i].0,
            protrusion_sd_mm: PROTRUSION_RELATIVE_TO_M2_MM[i].1,
            head_height_mm: height,
            head_width_mm: HEAD_WIDTH_MM[i],
            declination_deg: declination,
        }
    })
}

/// Where the lateral sesamoid (and so the SM4 line) sits along the foot (mm): on the intact M4
/// head centre of the reference foot (see the module documentation).
pub fn sesamoid_mm() -> f64 {
    reference_heads()[3].centre_mm()
}

/// The plan's defaults with their provenance, for the interface and the README.
pub const PROVENANCE: [(&str, Provenance); 12] = [
    (
        "protrusions relative to M2",
        Provenance::Sourced(
            "M1 +0.94, M3 −4.44, M4 −11.17, M5 −20.21\u{a0}mm: Domínguez-Maldonado et al. 2014 (169 normal feet)",
        ),
    ),
    (
        "head heights M2, M5",
        Provenance::Sourced("16.1 and 13.0\u{a0}mm: Fraser et al., Foot Ankle Surg 2017"),
    ),
    (
        "head heights M3, M4",
        Provenance::Assumption("15.1 and 14.1\u{a0}mm: interpolated between M2 and M5 (Fraser et al.)"),
    ),
    (
        "head height M1",
        Provenance::Assumption("20\u{a0}mm: not in the reference, drawn for context"),
    ),
    (
        "declinations",
        Provenance::Sourced("M1 20° (Radiopaedia), M2 15° (Trnka et al. 2001)"),
    ),
    (
        "declinations M3, M4, M5",
        Provenance::Assumption("12°, 10°, 7°: smaller laterally (Barrie & Watmough), degrees not published"),
    ),
    (
        "medio-lateral spacing of the heads",
        Provenance::Assumption("19, 18, 17, 16\u{a0}mm between head centres, axes drawn parallel: not published"),
    ),
    (
        "loaded level of the heads",
        Provenance::Assumption("every head's lowest point on a 6.5\u{a0}mm fat pad before surgery (all five bear weight)"),
    ),
    (
        "head centre",
        Provenance::Assumption("one sagittal head radius proximal of the tip (a round head)"),
    ),
    (
        "lateral sesamoid",
        Provenance::Assumption(
            "on the line through the intact M4 head centre (Maestro's harmonious foot), 4\u{a0}mm lateral of the M1 head centre; M1 is not cut",
        ),
    ),
    (
        "load-sharing heuristic",
        Provenance::Assumption(
            "springs: fat pad k, intermetatarsal ties 1·k, pad compression 3\u{a0}mm, push-off heel rise 20°; no published mm-to-pressure relation",
        ),
    ),
    (
        "transfer warning",
        Provenance::Assumption("a central ray more than 1\u{a0}mm lower or longer than a treated neighbour"),
    ),
];

/// What one ray's osteotomy does to its head (zero for M1, M5 and untreated rays).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct HeadMotion {
    /// Rise of the head centre above the ground (mm).
    pub rise_mm: f64,
    /// Shortening projected on the ground (mm, proximal positive).
    pub ground_shortening_mm: f64,
    /// Whether the ray is cut.
    pub treated: bool,
}

impl HeadMotion {
    /// The heuristic's effective elevation: rise + ground shortening · sin β.
    pub fn offload_mm(&self) -> f64 {
        let x =
            self.rise_mm + self.ground_shortening_mm * PUSH_OFF_HEEL_RISE_DEG.to_radians().sin();
        if x.is_finite() {
            x
        } else {
            0.0
        }
    }
}

/// A central ray left markedly lower or longer than a treated neighbour.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Transfer {
    /// The head at risk (M2-M4).
    pub head: Head,
    /// The treated neighbour.
    pub neighbour: Head,
    /// How much lower the head is than the neighbour, relative to before (mm).
    pub lower_mm: f64,
    /// How much longer the head is than the neighbour, relative to before (mm).
    pub longer_mm: f64,
}

/// The plan's metrics, before and after.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ForefootOutcome {
    /// What each head's osteotomy does to it, M1 to M5 (zero for M1, M5 and untreated rays).
    pub motions: [HeadMotion; HEADS],
    /// Tip positions along the foot relative to the intact M2 tip, before the osteotomies (mm,
    /// distal positive).
    pub protrusion_before_mm: [f64; HEADS],
    /// Tip positions along the foot relative to the intact M2 tip, after the osteotomies (mm,
    /// distal positive).
    pub protrusion_after_mm: [f64; HEADS],
    /// Head centre heights above the ground before the osteotomies (mm).
    pub head_centre_height_before_mm: [f64; HEADS],
    /// Head centre heights above the ground after the osteotomies (mm).
    pub head_centre_height_after_mm: [f64; HEADS],
    /// M2 tip − M3 tip before the osteotomies (mm).
    pub m2_m3_difference_before_mm: f64,
    /// M2 tip − M3 tip after the osteotomies (mm).
    pub m2_m3_difference_after_mm: f64,
    /// M1 tip − M2 tip before the osteotomies (mm; negative: M1 shorter).
    pub m1_m2_difference_before_mm: f64,
    /// M1 tip − M2 tip after the osteotomies (mm; negative: M1 shorter).
    pub m1_m2_difference_after_mm: f64,
    /// SM4 line − M4 head centre before the osteotomies (mm; positive: the line is distal of the
    /// centre).
    pub sm4_offset_before_mm: f64,
    /// SM4 line − M4 head centre after the osteotomies (mm; positive: the line is distal of the
    /// centre).
    pub sm4_offset_after_mm: f64,
    /// The SM4 line's position along the foot (mm).
    pub sesamoid_mm: f64,
    /// Load shares before the osteotomies (%, the heuristic's), M1 to M5.
    pub load_share_before_pct: [f64; HEADS],
    /// Load shares after the osteotomies (%, the heuristic's), M1 to M5.
    pub load_share_after_pct: [f64; HEADS],
    /// Central rays left markedly lower or longer than a treated neighbour (transfer warnings).
    pub transfers: Vec<Transfer>,
}

impl ForefootOutcome {
    /// Whether M2 is more than [`M2_M3_PATTERN_MM`] longer than M3 (Barouk).
    pub fn m2_m3_over_threshold(difference_mm: f64) -> bool {
        difference_mm > M2_M3_PATTERN_MM
    }
    /// Whether an SM4 offset lies in Maestro's normal band, [`SM4_NORMAL_MM`].
    pub fn sm4_normal(offset_mm: f64) -> bool {
        (SM4_NORMAL_MM.0 - 1e-9..=SM4_NORMAL_MM.1 + 1e-9).contains(&offset_mm)
    }
    /// Whether an M1 − M2 difference lies in Maestro's normal band, [`M1_M2_NORMAL_MM`].
    pub fn m1_m2_normal(difference_mm: f64) -> bool {
        (M1_M2_NORMAL_MM.0 - 1e-9..=M1_M2_NORMAL_MM.1 + 1e-9).contains(&difference_mm)
    }
    /// Barouk's central metatarsalgia pattern: M2 > 3 mm longer than M3 and the SM4 line
    /// proximal to the M4 head centre.
    pub fn central_pattern(m2_m3_mm: f64, sm4_offset_mm: f64) -> bool {
        Self::m2_m3_over_threshold(m2_m3_mm) && sm4_offset_mm < 0.0
    }
    /// Barouk's central metatarsalgia pattern before the osteotomies.
    pub fn central_pattern_before(&self) -> bool {
        Self::central_pattern(self.m2_m3_difference_before_mm, self.sm4_offset_before_mm)
    }
    /// Barouk's central metatarsalgia pattern after the osteotomies.
    pub fn central_pattern_after(&self) -> bool {
        Self::central_pattern(self.m2_m3_difference_after_mm, self.sm4_offset_after_mm)
    }
    /// Coefficient of variation (population sd / mean) of the M2-M4 shares.
    pub fn central_cv(shares: &[f64; HEADS]) -> f64 {
        let central = &shares[1..4];
        let mean = central.iter().sum::<f64>() / 3.0;
        if mean <= 0.0 {
            return 0.0;
        }
        let var = central.iter().map(|s| (s - mean).powi(2)).sum::<f64>() / 3.0;
        var.sqrt() / mean
    }
    /// Coefficient of variation of the M2-M4 load shares before the osteotomies.
    pub fn load_central_cv_before(&self) -> f64 {
        Self::central_cv(&self.load_share_before_pct)
    }
    /// Coefficient of variation of the M2-M4 load shares after the osteotomies.
    pub fn load_central_cv_after(&self) -> f64 {
        Self::central_cv(&self.load_share_after_pct)
    }
    /// The largest share increase on a central ray, M2-M4 (percentage points; ≤ 0 if none
    /// gains).
    pub fn load_max_central_increase_pct(&self) -> f64 {
        Head::ALL
            .into_iter()
            .filter(|h| !h.is_reference())
            .map(|h| self.load_share_after_pct[h.index()] - self.load_share_before_pct[h.index()])
            .fold(f64::NEG_INFINITY, f64::max)
    }
}

/// The heuristic's load shares (%, summing to 100) for effective elevations `offload_mm`.
pub fn load_shares(offload_mm: &[f64; HEADS]) -> [f64; HEADS] {
    let x: [f64; HEADS] = std::array::from_fn(|i| {
        if offload_mm[i].is_finite() {
            offload_mm[i]
        } else {
            0.0
        }
    });
    let c = LOAD_COUPLING;
    let mut contact = [true; HEADS];
    let mut loads = [0.0; HEADS];
    for _ in 0..2 * HEADS {
        let mut a = nalgebra::SMatrix::<f64, HEADS, HEADS>::zeros();
        let mut b = nalgebra::SVector::<f64, HEADS>::zeros();
        for i in 0..HEADS {
            b[i] = PAD_COMPRESSION_MM;
            if contact[i] {
                a[(i, i)] += 1.0;
                b[i] += x[i];
            }
            for j in [i.wrapping_sub(1), i + 1] {
                if j < HEADS {
                    a[(i, i)] += c;
                    a[(i, j)] -= c;
                }
            }
        }
        let Some(d) = a.lu().solve(&b) else {
            break;
        };
        let mut changed = false;
        for i in 0..HEADS {
            let compression = d[i] - x[i];
            if contact[i] && compression < -1e-12 {
                contact[i] = false;
                changed = true;
            } else if !contact[i] && compression > 1e-12 {
                contact[i] = true;
                changed = true;
            }
            loads[i] = if contact[i] {
                compression.max(0.0)
            } else {
                0.0
            };
        }
        if !changed {
            break;
        }
    }
    let total: f64 = loads.iter().sum();
    if !total.is_finite() || total <= 0.0 {
        return [100.0 / HEADS as f64; HEADS];
    }
    loads.map(|l| 100.0 * l / total)
}

/// The forefoot under body weight (reference Section 4.2, "Forefoot"): each treated head
/// settles under its own share of the ground force, as a multiple of an even fifth; the new
/// heights change the shares, so the two are iterated to a fixed point.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SettledForefoot {
    /// Each head as left by the surgeon plus its settled displacement.
    pub motions: [HeadMotion; HEADS],
    /// The heuristic's shares (%) of the settled heads.
    pub load_share_pct: [f64; HEADS],
    /// Rounds of settling and sharing until the shares stopped changing.
    pub iterations: usize,
    /// The largest change of a share in the last round (percentage points).
    pub final_change_pct: f64,
}

/// Shares that change less than this between two rounds (percentage points) are settled.
const SETTLE_TOLERANCE_PCT: f64 = 1e-9;
/// The most rounds of settling and sharing.
const SETTLE_ROUNDS: usize = 200;

/// Settles the treated heads (`settle[i]`, `None` for a head that is not cut) from their
/// motions as left, each under its share of the ground force, to a fixed point of the shares.
pub fn settle_forefoot(
    as_left: &[HeadMotion; HEADS],
    settle: &[Option<super::settle::SettleInput>; HEADS],
) -> SettledForefoot {
    let settled_motions = |shares: &[f64; HEADS]| -> [HeadMotion; HEADS] {
        std::array::from_fn(|i| match &settle[i] {
            Some(input) if as_left[i].treated => {
                let load = shares[i] / (100.0 / HEADS as f64);
                let d = super::settle::settle(input, load).displacement;
                HeadMotion {
                    rise_mm: as_left[i].rise_mm + d.y,
                    ground_shortening_mm: as_left[i].ground_shortening_mm - d.x,
                    treated: true,
                }
            }
            _ => as_left[i],
        })
    };
    let mut shares = load_shares(&as_left.map(|m| m.offload_mm()));
    let mut motions = *as_left;
    let mut change = 0.0;
    let mut iterations = 0;
    while iterations < SETTLE_ROUNDS {
        iterations += 1;
        motions = settled_motions(&shares);
        let next = load_shares(&motions.map(|m| m.offload_mm()));
        change = (0..HEADS)
            .map(|i| (next[i] - shares[i]).abs())
            .fold(0.0, f64::max);
        // Half a step: a head that rises sheds load and then rises less; halving damps the
        // see-saw so the rounds converge.
        shares = std::array::from_fn(|i| (shares[i] + next[i]) / 2.0);
        if change < SETTLE_TOLERANCE_PCT {
            shares = next;
            break;
        }
    }
    SettledForefoot {
        motions,
        load_share_pct: shares,
        iterations,
        final_change_pct: change,
    }
}

/// The plan's metrics for the five heads' motions (M1 and M5 should be still).
pub fn evaluate_forefoot(motions: &[HeadMotion; HEADS]) -> ForefootOutcome {
    let heads = reference_heads();
    // Finite, and no negative zero in the output.
    let clean = |v: f64| if v.is_finite() { v + 0.0 } else { 0.0 };
    let protrusion_before_mm = heads.map(|h| h.protrusion_mm);
    let protrusion_after_mm: [f64; HEADS] =
        std::array::from_fn(|i| heads[i].protrusion_mm - clean(motions[i].ground_shortening_mm));
    let head_centre_height_before_mm = heads.map(|h| h.centre_height_mm());
    let head_centre_height_after_mm: [f64; HEADS] =
        std::array::from_fn(|i| heads[i].centre_height_mm() + clean(motions[i].rise_mm));
    let sesamoid = sesamoid_mm();
    let m4_centre = |protrusion: &[f64; HEADS]| protrusion[3] - heads[3].radius_mm();
    // Before any osteotomy the heuristic's shares are equal by construction.
    let before = [100.0 / HEADS as f64; HEADS];
    let after = load_shares(&motions.map(|m| m.offload_mm()));

    let mut transfers = Vec::new();
    for at_risk in Head::ALL.into_iter().filter(|h| !h.is_reference()) {
        for by in at_risk.neighbours() {
            let (head, neighbour) = (at_risk.index(), by.index());
            if by.is_reference() || !motions[neighbour].treated {
                continue;
            }
            let lower_mm = clean(motions[neighbour].rise_mm) - clean(motions[head].rise_mm);
            let longer_mm = clean(motions[neighbour].ground_shortening_mm)
                - clean(motions[head].ground_shortening_mm);
            if lower_mm > TRANSFER_THRESHOLD_MM || longer_mm > TRANSFER_THRESHOLD_MM {
                transfers.push(Transfer {
                    head: at_risk,
                    neighbour: by,
                    lower_mm,
                    longer_mm,
                });
            }
        }
    }

    ForefootOutcome {
        motions: motions.map(|m| HeadMotion {
            rise_mm: clean(m.rise_mm),
            ground_shortening_mm: clean(m.ground_shortening_mm),
            treated: m.treated,
        }),
        m2_m3_difference_before_mm: protrusion_before_mm[1] - protrusion_before_mm[2],
        m2_m3_difference_after_mm: protrusion_after_mm[1] - protrusion_after_mm[2],
        m1_m2_difference_before_mm: protrusion_before_mm[0] - protrusion_before_mm[1],
        m1_m2_difference_after_mm: protrusion_after_mm[0] - protrusion_after_mm[1],
        sm4_offset_before_mm: sesamoid - m4_centre(&protrusion_before_mm),
        sm4_offset_after_mm: sesamoid - m4_centre(&protrusion_after_mm),
        sesamoid_mm: sesamoid,
        protrusion_before_mm,
        protrusion_after_mm,
        head_centre_height_before_mm,
        head_centre_height_after_mm,
        load_share_before_pct: before,
        load_share_after_pct: after,
        transfers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn motion(rise: f64, shortening: f64) -> HeadMotion {
        HeadMotion {
            rise_mm: rise,
            ground_shortening_mm: shortening,
            treated: true,
        }
    }

    #[test]
    fn reference_foot_matches_the_published_parabola() {
        let o = evaluate_forefoot(&[HeadMotion::default(); HEADS]);
        assert_eq!(o.protrusion_before_mm, [0.94, 0.0, -4.44, -11.17, -20.21]);
        assert_eq!(o.protrusion_after_mm, o.protrusion_before_mm);
        approx::assert_abs_diff_eq!(o.m2_m3_difference_before_mm, 4.44, epsilon = 1e-12);
        assert!(ForefootOutcome::m2_m3_over_threshold(
            o.m2_m3_difference_before_mm
        ));
        approx::assert_abs_diff_eq!(o.m1_m2_difference_before_mm, 0.94, epsilon = 1e-12);
        assert_eq!(o.sm4_offset_before_mm, 0.0);
        assert!(ForefootOutcome::sm4_normal(o.sm4_offset_before_mm));
        assert!(!o.central_pattern_before());
        assert!(o.transfers.is_empty());
        for s in o.load_share_after_pct {
            approx::assert_abs_diff_eq!(s, 20.0, epsilon = 1e-9);
        }
    }

    #[test]
    fn shares_sum_to_100_and_unload_a_raised_head() {
        for x in [0.5, 2.0, 5.0, 20.0] {
            let shares = load_shares(&[0.0, x, 0.0, 0.0, 0.0]);
            approx::assert_abs_diff_eq!(shares.iter().sum::<f64>(), 100.0, epsilon = 1e-9);
            assert!(shares[1] < 20.0 && shares[1] >= 0.0);
            assert!(shares[0] > 20.0 && shares[2] > 20.0, "{shares:?}");
        }
        // Far off the ground: no load at all.
        assert_eq!(load_shares(&[0.0, 20.0, 0.0, 0.0, 0.0])[1], 0.0);
        // A lowered head takes more.
        assert!(load_shares(&[0.0, -1.0, 0.0, 0.0, 0.0])[1] > 20.0);
    }

    #[test]
    fn central_rays_together_are_more_even_than_m2_alone() {
        let mut alone = [HeadMotion::default(); HEADS];
        alone[1] = motion(2.25, 1.3);
        let mut together = alone;
        together[2] = motion(2.18, 1.42);
        together[3] = motion(2.13, 1.49);
        let a = evaluate_forefoot(&alone);
        let t = evaluate_forefoot(&together);
        assert!(t.load_central_cv_after() < a.load_central_cv_after());
        assert!(t.load_max_central_increase_pct() < a.load_max_central_increase_pct());
        assert!(a.load_max_central_increase_pct() > 0.0);
        assert_eq!(a.transfers.len(), 1);
        assert_eq!(
            (a.transfers[0].head, a.transfers[0].neighbour),
            (Head::M3, Head::M2)
        );
        assert!(t.transfers.is_empty());
    }

    #[test]
    fn shortening_m4_moves_the_sm4_line_distal_of_its_centre() {
        let mut m = [HeadMotion::default(); HEADS];
        m[3] = motion(0.0, 2.0);
        let o = evaluate_forefoot(&m);
        approx::assert_abs_diff_eq!(o.sm4_offset_after_mm, 2.0, epsilon = 1e-12);
        m[3] = motion(0.0, -1.0);
        let o = evaluate_forefoot(&m);
        assert!(o.central_pattern_after());
    }
}
