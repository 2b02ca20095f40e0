/**
 * The props a ModalForm needs to run one command: the modal forgets its fields when closed, a change
 * clears the last refusal, and it closes only when the command succeeded (a refusal keeps it open,
 * with the errors beside the fields or in the form's alert).
 */
export const modalCommandProps = <V>(run: (values: V) => Promise<unknown>, clearError: () => void) => ({
  modalProps: { destroyOnHidden: true },
  onValuesChange: () => clearError(),
  onFinish: async (values: V): Promise<boolean> => {
    clearError();
    return run(values).then(
      () => true,
      () => false,
    );
  },
});
