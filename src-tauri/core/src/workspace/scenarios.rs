//! Named test events for both front ends: the built-ins with the admin's own (saved in the
//! store), and a scenario rendered into what `send_to_gateway` / `emulate_webitel` then sign and
//! send, so the CLI's `--scenario` and the app's picker send the same bytes.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Harness;
use crate::error::{CoreError, Result};
use crate::harness::outbound::{compose, AgentAction, OutboundError};
use crate::harness::scenario_builtin::{builtin, builtins};
use crate::harness::scenario_override::Override;
use crate::harness::scenarios::{
    self, check_body, check_name, Scenario, ScenarioDirection, ScenarioError, ScenarioIds,
};

/// A scenario to save: everything but `builtin`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScenarioDraft {
    pub name: String,
    pub direction: ScenarioDirection,
    pub description: String,
    #[ts(type = "unknown")]
    pub body: serde_json::Value,
}

/// What a scenario sends for a profile, before it is sent: the ids its placeholders took and
/// each body exactly (one for `send`; as many as Webitel posts for `emulate`, with "now" as
/// the date).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ScenarioRender {
    pub direction: ScenarioDirection,
    pub ids: ScenarioIds,
    pub bodies: Vec<String>,
}

impl Harness<'_> {
    /// The built-ins, then the saved scenarios by name.
    pub fn scenarios(self) -> Result<Vec<Scenario>> {
        let mut all = builtins();
        all.extend(self.ws.store().scenarios()?);
        Ok(all)
    }

    /// The built-in or saved scenario called `name`.
    pub fn scenario(self, name: &str) -> Result<Scenario> {
        let name = name.trim();
        if let Some(scenario) = builtin(name) {
            return Ok(scenario);
        }
        self.ws
            .store()
            .scenario(name)?
            .ok_or_else(|| ScenarioError::NotFound(name.to_string()).into())
    }

    /// Saves the admin's scenario (replacing their own of that name); true when it replaced one.
    pub fn save_scenario(self, draft: &ScenarioDraft) -> Result<bool> {
        let name = draft.name.trim();
        if builtin(name).is_some() {
            return Err(ScenarioError::BuiltIn(name.to_string()).into());
        }
        check_name(name)?;
        check_body(draft.direction, &draft.body)?;
        let scenario = Scenario {
            name: name.to_string(),
            direction: draft.direction,
            description: draft.description.trim().to_string(),
            body: draft.body.clone(),
            builtin: false,
        };
        self.ws
            .store()
            .save_scenario(&scenario, crate::clock::now_secs())
    }

    /// Deletes the admin's scenario `name`; a built-in cannot be deleted.
    pub fn delete_scenario(self, name: &str) -> Result<()> {
        let name = name.trim();
        if builtin(name).is_some() {
            return Err(ScenarioError::BuiltIn(name.to_string()).into());
        }
        if self.ws.store().delete_scenario(name)? {
            Ok(())
        } else {
            Err(ScenarioError::NotFound(name.to_string()).into())
        }
    }

    /// The exact body `send` signs for the `send` scenario `name` (`ids` already filled).
    pub fn scenario_send_body(
        self,
        name: &str,
        overrides: &[Override],
        ids: &ScenarioIds,
    ) -> Result<Vec<u8>> {
        Ok(scenarios::send_body(&self.scenario(name)?, overrides, ids)?)
    }

    /// The agent's action of the `emulate` scenario `name` (`ids` already filled).
    pub fn scenario_action(
        self,
        name: &str,
        overrides: &[Override],
        ids: &ScenarioIds,
    ) -> Result<AgentAction> {
        Ok(scenarios::emulate_action(
            &self.scenario(name)?,
            overrides,
            ids,
        )?)
    }

    /// What the scenario would send for the profile: its ids (empty ones made fresh) and bodies.
    pub fn render_scenario(
        self,
        profile_id: &str,
        name: &str,
        overrides: &[Override],
        ids: &ScenarioIds,
    ) -> Result<ScenarioRender> {
        let scenario = self.scenario(name)?;
        let ids = ids.filled();
        let bodies = match scenario.direction {
            ScenarioDirection::Send => {
                vec![scenarios::send_body(&scenario, overrides, &ids)?]
            }
            ScenarioDirection::Emulate => {
                let profile = self.ws.profiles().get(profile_id)?;
                let action = scenarios::emulate_action(&scenario, overrides, &ids)?;
                compose(&action, &profile.templates, crate::clock::now_secs()).map_err(|error| {
                    match error {
                        OutboundError::Broadcast(reason) => CoreError::BroadcastRefused(reason),
                        other => CoreError::TemplateRender(other.to_string()),
                    }
                })?
            }
        };
        Ok(ScenarioRender {
            direction: scenario.direction,
            ids,
            bodies: bodies
                .into_iter()
                .map(|body| String::from_utf8_lossy(&body).into_owned())
                .collect(),
        })
    }
}

#[cfg(test)]
#[path = "scenarios_tests.rs"]
mod tests;
