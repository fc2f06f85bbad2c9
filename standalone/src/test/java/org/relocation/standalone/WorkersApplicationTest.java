package org.relocation.standalone;

import org.junit.jupiter.api.Test;
import org.relocation.platform.worker.WorkerProperties;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The standalone workers refuse to start, with the setting to fix, when they could not reach a server's engine. */
class WorkersApplicationTest {

    private final WorkersApplication app = new WorkersApplication();

    private static WorkerProperties complete() {
        WorkerProperties w = new WorkerProperties();
        w.setEnabled(true);
        w.setTransport(WorkerProperties.Transport.HTTP);
        w.setEngineUrl("http://server:8080/engine-rest");
        w.setUsername("worker");
        w.setPassword("secret");
        return w;
    }

    @Test
    void startsWithARemoteEngineAndTheWorkersCredentials() {
        assertThatCode(() -> app.standaloneWorkersSettingsCheck(complete()).afterPropertiesSet()).doesNotThrowAnyException();
    }

    @Test
    void namesTheMissingSettingOtherwise() {
        WorkerProperties disabled = complete();
        disabled.setEnabled(false);
        assertThatThrownBy(() -> app.standaloneWorkersSettingsCheck(disabled).afterPropertiesSet())
                .hasMessageContaining("relocation.workers.enabled=false");

        WorkerProperties inProcess = complete();
        inProcess.setTransport(WorkerProperties.Transport.IN_PROCESS);
        assertThatThrownBy(() -> app.standaloneWorkersSettingsCheck(inProcess).afterPropertiesSet())
                .hasMessageContaining("relocation.workers.transport must be http");

        WorkerProperties noEngine = complete();
        noEngine.setEngineUrl(" ");
        assertThatThrownBy(() -> app.standaloneWorkersSettingsCheck(noEngine).afterPropertiesSet())
                .hasMessageContaining("RELOCATION_ENGINE_URL");

        WorkerProperties noPassword = complete();
        noPassword.setPassword(null);
        assertThatThrownBy(() -> app.standaloneWorkersSettingsCheck(noPassword).afterPropertiesSet())
                .hasMessageContaining("RELOCATION_WORKER_PASSWORD")
                .hasMessageNotContaining("secret");
    }
}
