//! Drawing the "Connect to database…" dialog ([`DbDialog`]): the URL and
//! password, the server's tables per file kind (or a typed SELECT), what Count
//! said, the running job's bar with Cancel, and the error sentence.

use egui::RichText;

use super::db_dialog::{DbDialog, Pick, megabytes};
use crate::data::FileKind;
use crate::jobs::Wake;
use crate::tr;

/// Width of the URL, password and SELECT fields.
const FIELD_WIDTH: f32 = 470.0;

impl DbDialog {
    /// Draws the dialog while it is open; buttons start its jobs.
    pub fn ui(&mut self, ctx: &egui::Context, wake: &Wake) {
        if !self.open {
            return;
        }
        let mut open = true;
        egui::Window::new(tr!("db-title"))
            .id(egui::Id::unique("db_dialog"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .default_width(640.0)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| self.contents_ui(ui, wake));
        if !open {
            self.close();
        }
    }

    fn contents_ui(&mut self, ui: &mut egui::Ui, wake: &Wake) {
        let busy = self.is_busy();
        if let Some(reopening) = &self.reopening {
            ui.add(egui::Label::new(RichText::new(reopening).strong()).wrap());
            ui.add_space(4.0);
        }
        egui::Grid::new("db_login")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                let label = ui.label(tr!("db-url"));
                ui.add(
                    egui::TextEdit::singleline(&mut self.url)
                        .hint_text("postgres://user@host:5432/shop")
                        .desired_width(FIELD_WIDTH),
                )
                .labelled_by(label.id);
                ui.end_row();
                ui.label("");
                ui.add(egui::Label::new(RichText::new(tr!("db-url-hint")).weak()).wrap());
                ui.end_row();
                let label = ui.label(tr!("db-password"));
                ui.add(
                    egui::TextEdit::singleline(&mut self.password)
                        .password(true)
                        .desired_width(FIELD_WIDTH),
                )
                .labelled_by(label.id)
                .on_hover_text(tr!("db-password-hover"));
                ui.end_row();
                ui.label("");
                ui.checkbox(&mut self.remember, tr!("db-remember"))
                    .on_hover_text(tr!("db-remember-hover"));
                ui.end_row();
            });
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let ready = !busy && !self.url.trim().is_empty();
            let connect = match self.reopening {
                Some(_) => tr!("db-connect-and-fetch"),
                None => tr!("db-connect"),
            };
            if ui.add_enabled(ready, egui::Button::new(connect)).clicked() {
                self.connect(wake.clone());
            }
            if self.is_connected() {
                let n = self.tables().len();
                ui.label(tr!(
                    "db-connected",
                    url = self.url.trim(),
                    tables = crate::numbers::count(n),
                    n = n
                ));
            }
        });
        self.keyring_ui(ui, wake, busy);
        if self.is_connected() {
            ui.separator();
            // Only the picks scroll: the buttons, the bar and the error stay in view.
            ui.label(tr!("db-picks"));
            egui::ScrollArea::vertical()
                .max_height(ui.ctx().content_rect().height() * 0.4)
                .show(ui, |ui| self.picks_ui(ui));
            ui.add_space(4.0);
            self.counted_ui(ui);
            ui.add_space(4.0);
            self.actions_ui(ui, wake);
        }
        self.running_ui(ui);
        if let Some(failure) = self.failure() {
            ui.add_space(4.0);
            let error = ui.visuals().error_fg_color;
            ui.add(egui::Label::new(RichText::new(&failure.sentence).color(error)).wrap());
            if let Some(sql) = &failure.sql {
                ui.add(egui::Label::new(RichText::new(sql).monospace().weak().small()).wrap());
            }
        }
        ui.separator();
        if ui.button(tr!("db-close")).clicked() {
            self.close();
        }
    }

    /// One row per file kind: nothing, a table, or a SELECT typed below it.
    fn picks_ui(&mut self, ui: &mut egui::Ui) {
        let tables = self.tables().to_vec();
        let mut changes: Vec<(FileKind, Pick)> = Vec::new();
        egui::Grid::new("db_picks")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for (kind, pick) in &self.picks {
                    let label = ui.label(kind.label());
                    let mut chosen = pick.clone();
                    let selected = match pick {
                        Pick::Nothing => "—".to_string(),
                        Pick::Table(name) => name.clone(),
                        Pick::Query(_) => tr!("db-pick-query"),
                    };
                    ui.vertical(|ui| {
                        egui::ComboBox::from_id_salt(("db_pick", *kind))
                            .selected_text(selected)
                            .width(260.0)
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut chosen, Pick::Nothing, "—");
                                for table in &tables {
                                    let value = Pick::Table(table.clone());
                                    ui.selectable_value(&mut chosen, value, table);
                                }
                                let query = match pick {
                                    Pick::Query(sql) => Pick::Query(sql.clone()),
                                    _ => Pick::Query(String::new()),
                                };
                                ui.selectable_value(&mut chosen, query, tr!("db-pick-query"));
                            })
                            .response
                            .labelled_by(label.id);
                        if let Pick::Query(sql) = &mut chosen {
                            let kind_label = kind.label();
                            let title = ui.weak(tr!("db-query-label", kind = kind_label.as_str()));
                            let field = egui::TextEdit::multiline(sql)
                                .code_editor()
                                .hint_text("SELECT … FROM … WHERE …")
                                .desired_rows(2)
                                .desired_width(FIELD_WIDTH);
                            ui.add(field).labelled_by(title.id);
                        }
                    });
                    if chosen != *pick {
                        changes.push((*kind, chosen));
                    }
                    ui.end_row();
                }
            });
        for (kind, pick) in changes {
            self.set_pick(kind, pick);
        }
    }

    /// "orders: 1,234,567 rows, about 120 MB to fetch", per source counted.
    fn counted_ui(&self, ui: &mut egui::Ui) {
        let Some(counted) = self.counted() else {
            ui.weak(tr!("db-count-first"));
            return;
        };
        for item in counted {
            let rows = item.estimate.rows as usize;
            ui.label(tr!(
                "db-counted",
                source = item.source.label(item.kind),
                rows = crate::numbers::count(rows),
                n = rows,
                size = megabytes(item.estimate.bytes)
            ));
        }
        if let Some(why) = self.too_big() {
            let warn = ui.visuals().warn_fg_color;
            ui.add(
                egui::Label::new(RichText::new(tr!("db-too-big", why = why)).color(warn)).wrap(),
            );
        }
    }

    fn actions_ui(&mut self, ui: &mut egui::Ui, wake: &Wake) {
        let busy = self.is_busy();
        ui.horizontal(|ui| {
            let any = self.has_sources();
            if ui
                .add_enabled(!busy && any, egui::Button::new(tr!("db-count")))
                .on_hover_text(tr!("db-count-hover"))
                .clicked()
            {
                self.count(wake.clone());
            }
            let ready =
                !busy && self.counted().is_some_and(|c| !c.is_empty()) && self.too_big().is_none();
            if ui
                .add_enabled(ready, egui::Button::new(tr!("db-fetch")))
                .on_hover_text(tr!("db-fetch-hover"))
                .clicked()
            {
                self.fetch(wake.clone());
            }
            if ui
                .add_enabled(
                    !busy && self.counted_orders().is_some(),
                    egui::Button::new(tr!("db-sum-orders")),
                )
                .on_hover_text(tr!("db-sum-orders-hover"))
                .clicked()
            {
                self.sum_orders(wake.clone());
            }
        });
    }

    fn running_ui(&mut self, ui: &mut egui::Ui) {
        let Some(progress) = self.progress() else {
            return;
        };
        let snapshot = progress.snapshot();
        let mut cancel = false;
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let bar = match snapshot.fraction() {
                Some(fraction) => egui::ProgressBar::new(fraction).show_percentage(),
                None => egui::ProgressBar::new(0.0).animate(true),
            };
            ui.add(bar.text(snapshot.message.clone()).desired_width(420.0));
            cancel = ui.button(tr!("data-cancel")).clicked();
        });
        if cancel {
            self.cancel();
        }
    }
}

impl DbDialog {
    /// Whether the keyring keeps the connected server's password, with the
    /// button that forgets it; why the keyring refused to remember or forget.
    fn keyring_ui(&mut self, ui: &mut egui::Ui, wake: &Wake, busy: bool) {
        let warn = ui.visuals().warn_fg_color;
        if let Some(Err(why)) = self.remembered().filter(|_| self.is_connected()) {
            ui.add(egui::Label::new(RichText::new(why).color(warn)).wrap());
        }
        if self.in_keyring() {
            ui.horizontal(|ui| {
                ui.weak(tr!("db-remembered"));
                let forget = ui
                    .add_enabled(!busy, egui::Button::new(tr!("db-forget")))
                    .on_hover_text(tr!("db-forget-hover"));
                if forget.clicked() {
                    self.forget_password(wake.clone());
                }
            });
        }
        match self.forgotten() {
            Some(Ok(())) => {
                ui.weak(tr!("db-forgotten"));
            }
            Some(Err(why)) => {
                ui.add(egui::Label::new(RichText::new(why).color(warn)).wrap());
            }
            None => {}
        }
    }
}
