//! The rules of "what a trace will miss", shared by the register's warnings on an item
//! (`register::item::warnings`) and the completeness check of a request (`check`), so the two
//! never disagree on what counts.

use crate::vocab::{PhotoView, SerialStatus};

/// A serial that can be traced by: read whole or in part.
pub fn serial_readable(status: &str) -> bool {
    matches!(
        status.parse(),
        Ok(SerialStatus::Present | SerialStatus::Partial)
    )
}

/// Whether the serial was read where a trace needs it: on the frame or receiver (other parts
/// are swapped between weapons).
pub fn serial_on_frame(place: Option<&str>) -> bool {
    place.is_some_and(|place| {
        let place = place.to_lowercase();
        place.contains("frame")
            || place.contains("receiver")
            // The words of every catalogue: `carcasse`, `boîte de culasse`.
            || crate::i18n::find_word("component", &place, &["frame", "receiver"]).is_some()
            || place
                .split([',', ';', '(', ')'])
                .any(|part| crate::i18n::find_word("component", part, &["frame", "receiver"]).is_some())
    })
}

/// Whether a photo shows the marks or the serial.
pub fn shows_marks<'a>(views: impl IntoIterator<Item = &'a str>) -> bool {
    views
        .into_iter()
        .any(|view| view == PhotoView::Markings.as_str() || view == PhotoView::Serial.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shared_rules() {
        assert!(serial_readable("partial") && !serial_readable("obliterated"));
        assert!(serial_on_frame(Some("Receiver, left")));
        assert!(
            serial_on_frame(Some("carcasse")) && serial_on_frame(Some("boîte de culasse, gauche"))
        );
        assert!(!serial_on_frame(Some("barrel")) && !serial_on_frame(None));
        assert!(shows_marks(["overall", "serial"]) && !shows_marks(["overall"]));
    }
}
