//! The FAQ export: the questions customers ask often, each with the reply agents
//! gave it most, written as `question, reply, count, intent` for a help page or
//! the service team's quick replies (the workspace's FAQ job).

use crate::analysis::voice::ServiceReport;
use crate::tr;
use crate::ui::command::Commands;
use crate::ui::export_controls::{export_buttons_ui, export_status_ui};
use crate::ui::state::UiState;
use crate::workspace::service::{Service, ServiceCommand};

pub fn ui(
    ui: &mut egui::Ui,
    report: &ServiceReport,
    service: &Service,
    state: &mut UiState,
    commands: &mut Commands,
) {
    ui.add_space(6.0);
    ui.strong(tr!("service-faq"));
    if report.intents.is_err() {
        ui.label(tr!("service-faq-needs-intents"));
        return;
    }
    if state.service_faq_path.is_empty() {
        state.service_faq_path = "faq.csv".into();
    }
    ui.horizontal_wrapped(|ui| {
        let hover = tr!("service-faq-hover");
        let writes = tr!("service-faq-writes");
        if let Some(path) = export_buttons_ui(ui, &mut state.service_faq_path, &hover, &writes) {
            commands.send(ServiceCommand::ExportFaq(path));
        }
    });
    export_status_ui(ui, service.export_slot());
}
