//! Webitel's way of sending a sequence (a close notice, then the close event; a broadcast's
//! messages): one body after another to the same callback, each signed with the app secret; a
//! delivery with no answer at all ends the sequence, a non-2xx answer does not. The one loop
//! for the harness's "emulate Webitel" and the emulator's own outbound side.

use super::client::HarnessClient;
use super::delivery::{deliver, Exchange, Signing};

/// Delivers `bodies` to `url` in order; `each` gets every exchange as it ends (to record it)
/// and may stop the sequence with an error. Returns what `each` made of the exchanges.
pub async fn deliver_in_order<T, E>(
    client: &HarnessClient,
    url: &str,
    secret: &[u8],
    bodies: Vec<Vec<u8>>,
    mut each: impl FnMut(Exchange) -> Result<T, E>,
) -> Result<Vec<T>, E> {
    let mut done = Vec::with_capacity(bodies.len());
    for body in bodies {
        let exchange = deliver(client, url, &body, secret, Signing::Correct).await;
        let answered = exchange.status.is_some();
        done.push(each(exchange)?);
        if !answered {
            break;
        }
    }
    Ok(done)
}

#[cfg(test)]
#[path = "in_order_tests.rs"]
mod tests;
