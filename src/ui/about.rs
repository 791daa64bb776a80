//! "About the model": conventions, formulas, assumptions and sources, from the model's docs.

use crate::model::anatomy::PROVENANCE;
use yew::prelude::*;

#[component(About)]
pub fn about() -> Html {
    let provenance = PROVENANCE.iter().map(|(name, p)| {
        html! {
            <li>
                <strong>{ *name }</strong>{ ": " }{ p.note() }
                if p.is_assumption() { <span class="assumption-tag">{ "assumption" }</span> }
                else { <span class="source-tag">{ "published" }</span> }
            </li>
        }
    });
    html! {
        <details class="about" id="about">
            <summary>{ "About the model: conventions, formulas, assumptions, sources" }</summary>
            <div class="about-body">
                <section>
                    <h3>{ "Conventions" }</h3>
                    <ul>
                        <li>{ "Sagittal plane seen from the medial side, toes to the right. Millimetres; degrees." }</li>
                        <li>{ "Ground frame: x along the ground toward the toes, y up. Shaft frame: x along the metatarsal axis toward the head, y dorsal." }</li>
                        <li>{ "Declination δ: the axis below the ground, distal end lower (M2 ≈ 15°)." }</li>
                        <li>{ "Cut angle φ (to the shaft): from the distal shaft axis to the cut, turning dorsal. φ < 90°: \"/\" dorsal-distal to plantar-proximal (DMMO ≈ 45°); φ = 90°: perpendicular; φ > 90°: \"\\\" dorsal-proximal to plantar-distal." }</li>
                        <li>{ "Cut angle θ (to the ground) = φ − δ: 0° parallel to the ground (Weil), 90° vertical." }</li>
                        <li>{ "Cut position: where the cut crosses the shaft axis, in mm from the tip of the head." }</li>
                        <li>{ "Kerf w: bone removed by the burr. Closure c (0 to w): the head fragment moves toward the proximal one across the cut. Slide s: along the cut, negative = proximal. Tilt: rotation of the head fragment about the middle of its cut face, dorsiflexion positive." }</li>
                    </ul>
                </section>
                <section>
                    <h3>{ "Formulas (pure translation)" }</h3>
                    <ul class="formulas">
                        <li>{ "Head rise ΔH = c·cos θ + s·sin θ" }</li>
                        <li>{ "Shortening on the ground ΔX = c·sin θ − s·cos θ" }</li>
                        <li>{ "Shortening along the shaft = c·sin φ − s·cos φ; dorsal shift = c·cos φ + s·sin φ" }</li>
                        <li>{ "Declination after δ′ = atan[(L·sin δ − ΔH) / (L·cos δ − ΔX)], L = base pivot to head centre" }</li>
                        <li>{ "Statics: R = F + P (ground force F up at the lowest point of the head; soft-tissue pull P along the shaft toward proximal). N = R·n (compression across the cut), T = R·t. N ≤ 0: separates; |T| > μ·N: slides; otherwise held." }</li>
                        <li>{ "Contact comes from the real outlines: the overlap of the two cut faces after the motion." }</li>
                    </ul>
                </section>
                <section>
                    <h3>{ "Defaults and their sources" }</h3>
                    <ul>
                        { for provenance }
                        <li><strong>{ "Kerf" }</strong>{ ": 2.6 mm for one pass of a 3.1 mm Shannon burr (Karaismailoglu et al., Foot Ankle Surg 2023, measured in the calcaneus)" }<span class="source-tag">{ "published" }</span></li>
                        <li><strong>{ "DMMO cut" }</strong>{ ": about 45°, dorsal-distal to plantar-proximal (Beaumont cadaver study; J Clin Med 2024;13(8):2180); the reference (shaft or ground) is not stated: the shaft is assumed" }</li>
                        <li><strong>{ "Cut position" }</strong>{ ": 22 mm from the tip of the head, at the neck" }<span class="assumption-tag">{ "assumption" }</span></li>
                        <li><strong>{ "Friction μ = 0.5 and soft-tissue pull P = 0.2 F" }</strong>{ ": no published bone-on-bone value or pull was found" }<span class="assumption-tag">{ "assumption" }</span></li>
                        <li><strong>{ "Near-axial cuts" }</strong>{ ": drawn as one straight line through the whole bone, without the proximal exit cut a surgeon would add" }<span class="assumption-tag">{ "simplification" }</span></li>
                    </ul>
                </section>
                <section>
                    <h3>{ "What is not known" }</h3>
                    <p>{ "No published value was found for: the elevation (mm) achieved by a DMMO; the distance of the cut from the joint; lesser metatarsal lengths and M3/M4 declination; bone-on-bone friction; any relation from millimetres of shortening or elevation to plantar pressure." }</p>
                    <p>{ "Stability ranking (Laffenêtre; Bauer, Laffenêtre, de Lavigne, EMC E-44-923): cuts oriented dorsal-distal to plantar-proximal are more stable than perpendicular or vertical cuts, which are more stable than dorsal-proximal to plantar-distal cuts; the more proximal the cut, the less stable." }</p>
                </section>
                <section>
                    <h3>{ "References" }</h3>
                    <ul class="references">
                        <li>{ "Laffenêtre O. Distal Minimally Invasive Metatarsal Osteotomy (book chapter); Laffenêtre O, Dalmau-Pastor M, Bauer T, GRECMIP. EMC 44-925, 2018." }</li>
                        <li>{ "Leemrijse T (UCLouvain): geometric analysis of Weil and axial shortening osteotomies." }</li>
                        <li>{ "Trnka HJ et al. Dorsiflexion contracture after the Weil osteotomy. Foot Ankle Int 2001." }</li>
                        <li>{ "Fraser et al. Foot Ankle Surg 2017;23(4):230-235 (metatarsal head heights, CT)." }</li>
                        <li>{ "Domínguez-Maldonado et al. ScientificWorldJournal 2014:505736 (metatarsal protrusion)." }</li>
                        <li>{ "Belhan et al. Acta Orthop Traumatol Turc 2019;53(6):463-467 (plantar fat pad)." }</li>
                        <li>{ "Karaismailoglu et al. Foot Ankle Surg 2023 (burr kerf)." }</li>
                        <li>{ "Malhotra et al. (BOFAS); J Orthop Surg Res 2019, doi 10.1186/s13018-019-1159-0 (DMMO shortening)." }</li>
                        <li>{ "Henry J, Besse JL, Fessy MH. Orthop Traumatol Surg Res 2011 (Weil vs DMMO); Haque S et al. Foot Ankle Int 2016; Johansen JK et al. Foot Ankle Surg 2019." }</li>
                    </ul>
                </section>
            </div>
        </details>
    }
}
