//! `decode TEXT...`: every reading of each mark, one JSON document per input with `--json`.

use crate::app::{Ctx, Status};
use crate::cli::DecodeArgs;
use crate::refdata::decode::Decoder;
use crate::refdata::suggest;
use crate::ui::readings::print_readings;

pub fn run(ctx: &Ctx, args: &DecodeArgs) -> anyhow::Result<Status> {
    let catalog = ctx.refdata.catalog()?;
    let decoder = Decoder::new(&catalog, ctx.clock.year());
    let mut matched = 0;
    for text in &args.text {
        let decoded = decoder.decode(text);
        if decoded.matches.is_empty() {
            ctx.ui.warn(&crate::t!(
                "decode-no-reading",
                text = text.as_str(),
                suggestions = suggest(&decoded.suggestions)
            ));
        } else {
            matched += 1;
        }
        if ctx.ui.is_json() {
            ctx.ui.json_line(&decoded)?;
        } else {
            print_readings(ctx, &catalog, &decoded)?;
        }
    }
    // The process ends here: freeing thousands of small entries one by one is time the
    // officer waits for nothing.
    std::mem::forget(decoder);
    std::mem::forget(catalog);
    Ok(match matched {
        0 => Status::NothingUsable,
        n if n < args.text.len() => Status::SomeRejected,
        _ => Status::Success,
    })
}
