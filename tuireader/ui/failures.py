"""The one place a failed worker is reported.

``Worker.StateChanged`` goes only to the node that runs the worker (it does not
bubble), so each screen that runs workers, and the app, mix this in.
"""

from __future__ import annotations

from textual.message_pump import MessagePump
from textual.worker import Worker, WorkerState


class ReportsFailedWorkers(MessagePump):
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            error = event.worker.error
            self.app.notify(str(error) or type(error).__name__, severity="error", markup=False, timeout=8)
